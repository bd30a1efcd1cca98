/**
 * GET /v/{signature}/pdf — a printable credit note with MARK, UID, authentication code and the
 * QR code of the document url. Streams are left uncompressed and the MARK is also written into
 * the PDF metadata, so the MARK can be found in the raw bytes (glyph runs of an embedded font
 * are not plain text).
 */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { VAT_RATE_BY_CATEGORY } from "./codes";
import { formatEuro, formatQuantity, lineDescription, lineTaxTexts, taxTotalTexts, vatBreakdown } from "./document-view";
import { invoiceTypeName, paymentMethodName } from "./labels";
import { transliterateGreek } from "./transliterate";
import type { ParsedParty, StoredDocument } from "./types";

type Pdf = InstanceType<typeof PDFDocument>;
type Text = (value: string) => string;

const LEFT = 40;
const COLUMNS = [
  { title: "#", x: 40, width: 20 }, { title: "Περιγραφή", x: 62, width: 170 }, { title: "Ποσ.", x: 234, width: 40 },
  { title: "Τιμή μον.", x: 276, width: 60 }, { title: "Καθαρή αξία", x: 338, width: 62 }, { title: "ΦΠΑ %", x: 402, width: 36 },
  { title: "ΦΠΑ", x: 440, width: 50 }, { title: "Σύνολο", x: 492, width: 63 },
] as const;

function party(pdf: Pdf, t: Text, title: string, who: ParsedParty, x: number, y: number): void {
  pdf.fontSize(9).text(t(title), x, y, { width: 250 });
  pdf.fontSize(10).text(t(who.name || "—"), { width: 250 });
  pdf.fontSize(9).text(t(`ΑΦΜ: ${who.vat}   Υποκ.: ${who.branch}`), { width: 250 });
  const address = [who.street, who.postalCode, who.city, who.countryCode].filter((part) => part !== "").join(", ");
  if (address !== "") pdf.text(t(address), { width: 250 });
}

function row(pdf: Pdf, t: Text, cells: readonly string[], y: number): number {
  let bottom = y;
  COLUMNS.forEach((column, index) => {
    const align = index >= 2 ? "right" : "left";
    pdf.text(t(cells[index] ?? ""), column.x, y, { width: column.width, align });
    bottom = Math.max(bottom, pdf.y);
  });
  return bottom + 3;
}

function lines(pdf: Pdf, t: Text, stored: StoredDocument, top: number): number {
  pdf.fontSize(8);
  let y = row(pdf, t, COLUMNS.map((column) => column.title), top);
  pdf.moveTo(LEFT, y - 1).lineTo(555, y - 1).stroke();
  for (const line of stored.document.lines) {
    const rate = String(VAT_RATE_BY_CATEGORY.get(line.vatCategory) ?? 0);
    y = row(pdf, t, [
      String(line.lineNo), lineDescription(line.descriptions), formatQuantity(line.quantity),
      line.unitPriceCents === null ? "" : formatEuro(line.unitPriceCents), formatEuro(line.netCents), rate,
      formatEuro(line.vatCents), formatEuro(line.totalCents),
    ], y);
    // The line's taxes beyond VAT (withholding, fees, stamp duty, other taxes, deductions) under it.
    const taxes = lineTaxTexts(line);
    if (taxes.length > 0) {
      pdf.text(t(taxes.join("  ·  ")), COLUMNS[1].x, y, { width: 555 - COLUMNS[1].x });
      y = pdf.y + 3;
    }
  }
  return y + 8;
}

function totals(pdf: Pdf, t: Text, stored: StoredDocument, top: number): void {
  const doc = stored.document;
  pdf.fontSize(9).text(t("Ανάλυση ΦΠΑ"), LEFT, top);
  for (const vat of vatBreakdown(doc)) {
    const exemption = vat.exemption === null ? "" : ` (εξαίρεση ${vat.exemption})`;
    pdf.text(t(`${vat.ratePercent}% (κατ. ${vat.vatCategory})${exemption}: αξία ${formatEuro(vat.underlyingCents)}, ΦΠΑ ${formatEuro(vat.vatCents)}`));
  }
  for (const payment of doc.payments) pdf.text(t(`Πληρωμή: ${paymentMethodName(payment.code)} ${formatEuro(payment.amountCents)}`));
  pdf.fontSize(10).text(t(`Καθαρή αξία: ${formatEuro(doc.summary.netCents)}`), 360, top, { width: 195, align: "right" });
  pdf.text(t(`ΦΠΑ: ${formatEuro(doc.summary.vatCents)}`), { width: 195, align: "right" });
  const taxTotals = taxTotalTexts(doc);
  for (const text of taxTotals) pdf.text(t(text), { width: 195, align: "right" });
  if (taxTotals.length === 0) pdf.fontSize(12).text(t(`Σύνολο: ${formatEuro(doc.summary.grossCents)}`), { width: 195, align: "right" });
}

function identifiers(pdf: Pdf, t: Text, stored: StoredDocument, url: string): void {
  pdf.fontSize(9).text(t(`ΜΑΡΚ: ${stored.mark}`), LEFT, Math.max(pdf.y + 20, 640));
  pdf.text(t(`UID: ${stored.uid}`));
  pdf.text(t(`Κωδικός αυθεντικοποίησης: ${stored.authenticationCode}`));
  pdf.text(t(`InternalDocumentId: ${stored.internalId}`));
  pdf.fillColor("#1a4f9c").text(url, { link: url }).fillColor("black");
}

export async function renderPdf(stored: StoredDocument, url: string, fontPath: string | null): Promise<Buffer> {
  const doc = stored.document;
  const qr = await QRCode.toBuffer(url, { type: "png", margin: 1, width: 220 });
  const pdf = new PDFDocument({
    size: "A4", margin: LEFT, compress: false,
    info: {
      Title: `${doc.invoiceType} ${doc.series}/${doc.number}`, Subject: `MARK ${stored.mark}`,
      Keywords: `MARK ${stored.mark} UID ${stored.uid} AUTH ${stored.authenticationCode}`, Author: "Impact sandbox provider",
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  if (fontPath !== null) pdf.registerFont("body", fontPath);
  pdf.font(fontPath !== null ? "body" : "Helvetica");
  const t: Text = fontPath !== null ? (value) => value : transliterateGreek;
  pdf.fontSize(15).text(t(invoiceTypeName(doc.invoiceType)), LEFT, 40, { width: 380 });
  pdf.fontSize(10).text(t(`Σειρά ${doc.series}  Αριθμός ${doc.number}  Ημερομηνία ${doc.dateIssued.replace("T", " ")}`));
  if (doc.reference !== null) pdf.fontSize(9).text(t(`Σχετικό: ${doc.reference}`));
  pdf.image(qr, 455, 30, { width: 100 });
  party(pdf, t, "Εκδότης", doc.issuer, LEFT, 140);
  if (doc.counterparty !== null) party(pdf, t, "Λήπτης", doc.counterparty, 300, 140);
  const afterLines = lines(pdf, t, stored, 230);
  totals(pdf, t, stored, afterLines);
  identifiers(pdf, t, stored, url);
  pdf.end();
  return finished;
}
