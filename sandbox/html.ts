/** GET /v/{signature} — a small public page for the document, as the provider's portal link shows one. */
import QRCode from "qrcode";
import { formatEuro, lineDescription, lineTaxTexts, taxTotalTexts } from "./document-view";
import { invoiceTypeName } from "./labels";
import type { StoredDocument } from "./types";

function escapeHtml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

export async function renderHtml(stored: StoredDocument, url: string): Promise<string> {
  const doc = stored.document;
  const qr = await QRCode.toDataURL(url, { margin: 1, width: 160 });
  const rows = doc.lines.map((line) => {
    const row = `<tr><td>${line.lineNo}</td><td>${escapeHtml(lineDescription(line.descriptions))}</td><td>${formatEuro(line.netCents)}</td>` +
      `<td>${formatEuro(line.vatCents)}</td><td>${formatEuro(line.totalCents)}</td></tr>`;
    // The line's taxes beyond VAT and its payable amount under it, as the PDF prints them.
    const taxes = lineTaxTexts(line);
    return taxes.length === 0 ? row : `${row}<tr class="line-taxes" data-line="${line.lineNo}"><td></td><td colspan="4">${escapeHtml(taxes.join(" · "))}</td></tr>`;
  }).join("");
  // With taxes beyond VAT, their totals and the payable amount stand where the plain total would.
  const taxTotals = taxTotalTexts(doc);
  const total = taxTotals.length === 0
    ? `<p>Σύνολο: ${formatEuro(doc.summary.grossCents)}</p>`
    : `<p>Καθαρή αξία: ${formatEuro(doc.summary.netCents)}<br>ΦΠΑ: ${formatEuro(doc.summary.vatCents)}</p>\n<ul id="tax-totals">${taxTotals.map((text) => `<li>${escapeHtml(text)}</li>`).join("")}</ul>`;
  const counterparty = doc.counterparty === null ? "" : `<p>Λήπτης: ${escapeHtml(doc.counterparty.name)} (${escapeHtml(doc.counterparty.vat)})</p>`;
  return `<!doctype html>
<html lang="el"><head><meta charset="utf-8"><title>${escapeHtml(`${doc.series}/${doc.number}`)} — ΜΑΡΚ ${stored.mark}</title></head>
<body>
<h1>${escapeHtml(invoiceTypeName(doc.invoiceType))} ${escapeHtml(doc.series)}/${escapeHtml(doc.number)}</h1>
<p>Εκδότης: ${escapeHtml(doc.issuer.name)} (${escapeHtml(doc.issuer.vat)}) · Ημερομηνία ${escapeHtml(doc.dateIssued)}</p>
${counterparty}
<table><thead><tr><th>#</th><th>Περιγραφή</th><th>Καθαρή αξία</th><th>ΦΠΑ</th><th>Σύνολο</th></tr></thead><tbody>${rows}</tbody></table>
${total}
<p>ΜΑΡΚ: <span id="mark">${stored.mark}</span><br>UID: ${stored.uid}<br>Κωδικός αυθεντικοποίησης: ${stored.authenticationCode}</p>
<p><a href="${escapeHtml(url)}/pdf">PDF</a> · <a href="${escapeHtml(url)}/aade">myDATA XML</a></p>
<img src="${qr}" alt="QR ${escapeHtml(url)}" width="160" height="160">
</body></html>
`;
}
