import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/audit";
import { saveDraft } from "@/lib/db/compose-queries";
import type { Db } from "@/lib/db/schema";
import { toDbTime } from "@/lib/db/time";
import { greekDecimalText } from "@/lib/domain/editable-draft";
import type { Locale } from "@/lib/i18n/locale";
import { roundHalfUpDiv, toSafeNumber } from "@/lib/domain/money";
import { cleanMark, partCreditAmounts, type OriginalLine, type PartLineAmounts } from "@/lib/domain/issued-original";
import { vatRatePercent } from "@/lib/domain/codes";
import { vatOfNet } from "@/lib/domain/line-amounts";
import { AppError } from "@/lib/domain/errors";
import { parseAmount, parseQuantity } from "@/lib/domain/parse-number";
import type { ProviderClient } from "@/lib/provider";
import { AlreadyCreditedError, type CreditClaim } from "@/lib/sending/credit-ledger";
import type { CreditOfPart } from "@/lib/sending/issue";
import { composeValuesSchema, type ComposeValues } from "@/lib/validation/draft-snapshot";
import { fieldFailure, parseOrFail } from "@/lib/validation/parse";
import { creditPartSchema } from "@/lib/validation/requests";
import { LAST_STEP } from "@/lib/validation/steps";
import type { CallerContext } from "./issue";
import { issuerVatOrDefault, loadOriginal } from "./issued";
import { externalCreditsOf, findOriginal, readOriginalLines } from "./originals";

/**
 * Credit part of an issued invoice: the clerk's chosen lines and quantities become a compose
 * draft of a 5.1 correlated to the original's MARK — the same descriptions, units, VAT categories,
 * exemptions and classifications, each line at the original's net unit price — saved for the
 * clerk and opened on the wizard's review step; issuing it goes through /Invoice/json like any
 * composed credit note, checked against the never-twice ledger.
 */

/** A chosen line of a credit of part: by quantity at the original's net unit price, or by amount (quantity 1 and that net). */
type ChosenLine = PartLineAmounts & { byAmount: boolean };

/**
 * A credit of value of one original line: quantity 1 at the chosen net, the line's VAT category
 * (its rate of that net), exemption and classification — myDATA's 5.1 carries a value credit as
 * an ordinary line whose net is the reduction.
 */
function valueCreditOf(line: OriginalLine, netCents: number): ChosenLine {
  return { line, quantityMilli: 1000, netCents, vatCents: vatOfNet(netCents, vatRatePercent(line.vatCategory) ?? 0), unitNetCents: netCents, byAmount: true };
}

/** POST /api/issued-documents/{mark}/credit-part: checks the choice and saves the draft; answers its id. */
export async function creditPartDraft(db: Db, client: ProviderClient, rawMark: string, body: unknown, caller: CallerContext): Promise<{ draftId: string }> {
  const mark = cleanMark(rawMark);
  if (!/^\d{1,20}$/.test(mark)) throw new AppError("not_found", { subject: "document" });
  const request = parseOrFail(creditPartSchema, body, caller.locale);
  const issuerVat = await issuerVatOrDefault(db, request.issuerVat);
  const view = await loadOriginal(db, client, { issuerVat, mark, issuedOn: request.on }, caller.locale);
  const { original } = view;
  if (original.lines === null) throw fieldFailure("parts", "lines_unavailable", caller.locale);
  const chosen: ChosenLine[] = [];
  const seen = new Set<number>();
  request.parts.forEach((part, index) => {
    const byAmount = part.amount !== undefined;
    const field = `parts.${index}.${byAmount ? "amount" : "quantity"}`;
    const parsed = byAmount ? parseAmount(part.amount) : parseQuantity(part.quantity);
    if (!parsed.ok) throw fieldFailure(field, parsed.code, caller.locale);
    if (parsed.value === 0) return;
    const line = original.lines?.find((candidate) => candidate.lineNumber === part.lineNumber);
    if (line === undefined) throw fieldFailure(`parts.${index}.lineNumber`, "unknown_line", caller.locale);
    if (seen.has(line.lineNumber)) throw fieldFailure(`parts.${index}.lineNumber`, "line_chosen_twice", caller.locale);
    seen.add(line.lineNumber);
    const netLeft = Math.max(0, line.netCents - (view.creditedNets[line.lineNumber] ?? 0));
    if (byAmount) {
      if (parsed.value > netLeft) throw fieldFailure(field, "amount_above_line", caller.locale, { max: greekDecimalText(netLeft, 2) });
      chosen.push(valueCreditOf(line, parsed.value));
      return;
    }
    const left = line.quantityMilli - (view.creditedQuantities[line.lineNumber] ?? 0);
    if (parsed.value > left) throw fieldFailure(field, "quantity_above_original", caller.locale, { max: greekDecimalText(Math.max(0, left), 3) });
    const byQuantity = partCreditAmounts([line], [{ lineNumber: line.lineNumber, quantityMilli: parsed.value }]).lines[0];
    if (byQuantity === undefined) throw fieldFailure(field, "quantity_above_original", caller.locale, { max: greekDecimalText(Math.max(0, left), 3) });
    if (byQuantity.netCents > netLeft) throw fieldFailure(field, "amount_above_line", caller.locale, { max: greekDecimalText(netLeft, 2) });
    chosen.push({ ...byQuantity, byAmount: false });
  });
  if (chosen.length === 0) throw fieldFailure("parts", "no_lines_chosen", caller.locale);
  const netCents = chosen.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = chosen.reduce((sum, line) => sum + line.vatCents, 0);
  const amounts = { lines: chosen, totals: { netCents, vatCents, grossCents: netCents + vatCents } };
  const parts = chosen.map((line) => ({ lineNumber: line.line.lineNumber, ...(line.byAmount ? { netCents: line.netCents } : { quantityMilli: line.quantityMilli }) }));
  if (amounts.totals.grossCents > view.remainingCents) {
    throw new AlreadyCreditedError(original.mark, view.creditedCents, original.totals.grossCents, amounts.totals.grossCents);
  }
  const profile = await db.selectFrom("issuer_profiles").selectAll().where("vat", "=", issuerVat).executeTakeFirst();
  const party = original.counterpartyVat === null ? undefined
    : await db.selectFrom("counterparties").selectAll().where("vat", "in", [original.counterpartyVat, original.counterpartyVat.replace(/^(EL|GR)/, "")]).executeTakeFirst();
  const series = request.series ?? (await db.selectFrom("series").select("code").where("issuer_vat", "=", issuerVat).orderBy("code").executeTakeFirst())?.code ?? "";
  const draftId = randomUUID();
  const values: ComposeValues = composeValuesSchema.parse({
    id: draftId,
    issuerProfileId: profile?.id ?? null,
    issuer: profile === undefined ? { vat: issuerVat } : {
      vat: profile.vat, name: profile.name, branchCode: 0,
      address: { countryCode: profile.country_code, city: profile.city, street: profile.street, postalCode: profile.postal_code },
    },
    series,
    counterparty: party === undefined
      ? { name: "", vat: original.counterpartyVat ?? "", code: "", address: { countryCode: "GR", city: "", street: "", postalCode: "" }, emails: [] }
      : { name: party.name, vat: party.vat, code: party.code ?? "", address: { countryCode: party.country_code, city: party.city, street: party.street, postalCode: party.postal_code }, emails: JSON.parse(party.emails_json) as string[] },
    priceEntry: "net",
    lines: amounts.lines.map(({ line, quantityMilli, unitNetCents }) => ({
      description: line.description || `${original.series}/${original.number} #${line.lineNumber}`,
      quantity: greekDecimalText(quantityMilli, 3),
      unitCode: line.unitCode,
      unitPrice: greekDecimalText(unitNetCents, 2),
      discountPercent: "0",
      vatCategory: line.vatCategory,
      vatExemptionCategory: line.vatExemptionCategory,
      incomeClassification: { category: line.incomeClassification?.category ?? "", type: line.incomeClassification?.type ?? null },
    })),
    payments: [{ methodCode: 5, amount: greekDecimalText(amounts.totals.grossCents, 2) }],
    reference: `${original.series}/${original.number}`,
    correlatedMark: original.mark,
  });
  await saveDraft(db, { id: draftId, owner: caller.user.id, json: JSON.stringify({ draft: values, step: LAST_STEP }), now: toDbTime(new Date()) });
  await recordAudit(db, { actor: caller.user, action: "credit_note.credit_part_draft", target: draftId, detail: { mark: original.mark, parts, grossCents: amounts.totals.grossCents }, correlationId: caller.correlationId });
  return { draftId };
}

type ComposedLine = { description: string; vatCategory: number; vatExemptionCategory: number | null; incomeClassification: { category: string; type: string | null }; quantityMilli: number };
type CreditedLine = { lineNumber: number; quantityMilli: number; netCents: number; vatCents: number };

/** The original line's net per unit, half-up to the cent (what a credit of part by quantity carries). */
function unitNetOf(line: OriginalLine): number {
  return line.quantityMilli === 0 ? 0 : toSafeNumber(roundHalfUpDiv(BigInt(line.netCents) * 1000n, BigInt(line.quantityMilli)));
}

/**
 * Which original line each composed line of a credit of part credits, checked: the same VAT
 * category, exemption and income classification as an original line (the same description
 * preferred), and no more than remains of that line after earlier credits (those not closed
 * out) and the draft's other lines. A line at the original's net unit price credits its
 * quantity; any other price is a credit of value (e.g. "by amount": quantity 1 and a net),
 * bounded by the line's remaining net and its quantity. Throws a ValidationFailure naming
 * `draft.lines.N.<field>` before anything is written, so a refusal uses no number.
 */
export function checkedPartLines(
  original: readonly OriginalLine[], earlier: readonly CreditedLine[], lines: readonly ComposedLine[],
  amounts: readonly { netCents: number; vatCents: number }[], locale: Locale,
): CreditedLine[] {
  const usedQuantity = new Map<number, number>();
  const usedNet = new Map<number, number>();
  for (const line of earlier) {
    usedQuantity.set(line.lineNumber, (usedQuantity.get(line.lineNumber) ?? 0) + line.quantityMilli);
    usedNet.set(line.lineNumber, (usedNet.get(line.lineNumber) ?? 0) + line.netCents);
  }
  return lines.map((line, index) => {
    const path = `draft.lines.${index}`;
    const netCents = amounts[index]?.netCents ?? 0;
    const vatCents = amounts[index]?.vatCents ?? 0;
    const sameVat = original.filter((candidate) => candidate.vatCategory === line.vatCategory);
    if (sameVat.length === 0) throw fieldFailure(`${path}.vatCategory`, "part_vat_not_in_original", locale);
    const sameExemption = sameVat.filter((candidate) => (candidate.vatExemptionCategory ?? null) === (line.vatExemptionCategory ?? null));
    if (sameExemption.length === 0) throw fieldFailure(`${path}.vatExemptionCategory`, "part_exemption_not_in_original", locale);
    const sameClass = sameExemption.filter((candidate) => (candidate.incomeClassification?.category ?? "") === line.incomeClassification.category &&
      (candidate.incomeClassification?.type ?? null) === (line.incomeClassification.type ?? null));
    if (sameClass.length === 0) throw fieldFailure(`${path}.incomeClassification.category`, "part_classification_not_in_original", locale);
    const ordered = [...sameClass.filter((candidate) => candidate.description === line.description), ...sameClass.filter((candidate) => candidate.description !== line.description)];
    const byQuantity = (candidate: OriginalLine) => toSafeNumber(roundHalfUpDiv(BigInt(unitNetOf(candidate)) * BigInt(line.quantityMilli), 1000n)) === netCents;
    const fits = (candidate: OriginalLine) => {
      const quantityLeft = candidate.quantityMilli - (usedQuantity.get(candidate.lineNumber) ?? 0);
      const netLeft = candidate.netCents - (usedNet.get(candidate.lineNumber) ?? 0);
      const quantityOk = byQuantity(candidate) ? line.quantityMilli <= quantityLeft : line.quantityMilli <= Math.max(candidate.quantityMilli, 1000);
      return { quantity: quantityOk, net: netCents <= netLeft };
    };
    const match = ordered.find((candidate) => { const fit = fits(candidate); return fit.quantity && fit.net; });
    if (match === undefined) {
      const quantityFits = ordered.some((candidate) => fits(candidate).quantity);
      throw quantityFits
        ? fieldFailure(`${path}.unitPrice`, "part_net_above_remaining", locale)
        : fieldFailure(`${path}.quantity`, "part_quantity_above_remaining", locale);
    }
    const quantityMilli = byQuantity(match) ? line.quantityMilli : 0;
    usedQuantity.set(match.lineNumber, (usedQuantity.get(match.lineNumber) ?? 0) + quantityMilli);
    usedNet.set(match.lineNumber, (usedNet.get(match.lineNumber) ?? 0) + netCents);
    return { lineNumber: match.lineNumber, quantityMilli, netCents, vatCents };
  });
}

/**
 * What issuing a composed 5.1 needs from its original before anything is written: the original
 * found by its MARK (creditable, at the provider or in our history), its lines matched to the
 * composed ones, other systems' credits of it. Throws the same refusals as a credit of all.
 */
export async function creditOfPartFor(
  db: Db, client: ProviderClient, issuerVat: string, mark: string,
  input: { lines: readonly ComposedLine[] }, amounts: readonly { netCents: number; vatCents: number }[],
  caller: CallerContext,
): Promise<CreditOfPart> {
  const { original, rows } = await findOriginal(db, client, { issuerVat, mark }, caller.locale);
  const row = rows.find((candidate) => candidate.mark === original.mark);
  const [read, externalCreditedCents, earlier] = await Promise.all([
    readOriginalLines(client, row?.url),
    externalCreditsOf(db, client, issuerVat, original, rows),
    db.selectFrom("credit_allocations").select("lines_json").where("issuer_vat", "=", issuerVat).where("original_mark", "=", original.mark)
      .where("released_at", "is", null).execute(),
  ]);
  if (read.lines === null) throw fieldFailure("draft.correlatedMark", "lines_unavailable", caller.locale);
  const earlierLines = earlier.flatMap((allocation) => (allocation.lines_json === null ? [] : (JSON.parse(allocation.lines_json) as CreditedLine[])));
  const claim: Omit<CreditClaim, "issuerVat" | "netCents" | "vatCents" | "grossCents"> = {
    originalMark: original.mark,
    original: { ...original.totals, series: original.series, number: original.number, invoiceType: original.invoiceType, dateIssued: original.dateIssued, counterpartyVat: original.counterpartyVat, authenticationCode: original.authenticationCode },
    lines: checkedPartLines(read.lines, earlierLines, input.lines, amounts, caller.locale),
    overrideReason: null,
    externalCreditedCents,
  };
  return claim;
}
