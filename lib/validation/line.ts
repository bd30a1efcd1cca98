import { z } from "zod";
import { getVatCategory, isAllowedClassification52, isKnownExemption, isKnownUnit } from "@/lib/domain/codes";
import { getTaxCategory, isRetiredTaxCategory, UNITS_NOT_OFFERED, type TaxFamily } from "@/lib/domain/fiscal-codes";
import type { LineInput, LineTaxesInput } from "@/lib/domain/types";
import { codeField, numberField, textField, typedCode, typedText } from "./fields";
import { TEXT_LIMITS } from "./text-limits";

/**
 * One line of a credit note, declared once. Each field says how the compose form holds it while a
 * clerk types (`typed`: the text as typed, `"7,99"`, lenient so a half-finished draft can be kept)
 * and how a draft is judged when a step is left, previewed, issued or fixed (`strict`: parsed into
 * integer cents, thousandths and basis points). Both schemas below are built from this one list,
 * so a field cannot be added to one and forgotten in the other.
 */
const OPTIONAL_CODE = typedCode.nullable().optional();
const OPTIONAL_TEXT = z.string().max(40, "too_long").optional();
/** An optional amount in cents: absent or empty reads as 0 (none). */
const OPTIONAL_AMOUNT = numberField("amount", { whenEmpty: "0" }).optional();

const LINE_FIELDS = {
  description: { typed: typedText(TEXT_LIMITS.lineDescription), strict: textField(TEXT_LIMITS.lineDescription) },
  quantity: { typed: typedText(40), strict: numberField("quantity", { positive: true }) },
  unitCode: { typed: typedCode.default(1), strict: codeField().default(1) },
  unitPrice: { typed: typedText(40), strict: numberField("amount", { positive: true }) },
  discountPercent: { typed: typedText(40), strict: numberField("percent", { whenEmpty: "0" }) },
  vatCategory: { typed: typedCode.default(1), strict: codeField() },
  vatExemptionCategory: { typed: typedCode.nullable().default(null), strict: codeField().nullable().optional() },
  incomeClassification: {
    typed: z
      .object({ category: typedText(40), type: z.string().max(40, "too_long").nullable().default(null) })
      .default({ category: "", type: null }),
    strict: z.object({
      category: z.string().trim().min(1, "required"),
      type: z.string().trim().nullable().optional().transform((t) => (t ? t : null)),
    }),
  },
  // Taxes beyond VAT (docs/DRAFT.md): optional, absent meaning none, so plain lines, lines built
  // elsewhere and drafts stored before they existed read as lines without them.
  withheldCategory: { typed: OPTIONAL_CODE, strict: codeField().nullable().optional() },
  withheldAmount: { typed: OPTIONAL_TEXT, strict: OPTIONAL_AMOUNT },
  feesCategory: { typed: OPTIONAL_CODE, strict: codeField().nullable().optional() },
  feesAmount: { typed: OPTIONAL_TEXT, strict: OPTIONAL_AMOUNT },
  stampDutyCategory: { typed: OPTIONAL_CODE, strict: codeField().nullable().optional() },
  stampDutyAmount: { typed: OPTIONAL_TEXT, strict: OPTIONAL_AMOUNT },
  otherTaxesCategory: { typed: OPTIONAL_CODE, strict: codeField().nullable().optional() },
  otherTaxesAmount: { typed: OPTIONAL_TEXT, strict: OPTIONAL_AMOUNT },
  deductionsAmount: { typed: OPTIONAL_TEXT, strict: OPTIONAL_AMOUNT },
} as const;

/** The draft's field names of each tax family beyond VAT (`withheldCategory`, `withheldAmount`, …). */
const TAX_FIELDS = [
  ["withheld", "withheldCategory", "withheldAmount"],
  ["fees", "feesCategory", "feesAmount"],
  ["stampDuty", "stampDutyCategory", "stampDutyAmount"],
  ["otherTaxes", "otherTaxesCategory", "otherTaxesAmount"],
] as const satisfies readonly (readonly [TaxFamily, string, string])[];

type JudgedTaxFields = Partial<Record<(typeof TAX_FIELDS)[number][1], number | null> & Record<(typeof TAX_FIELDS)[number][2] | "deductionsAmount", number>>;

/**
 * A line's taxes beyond VAT, judged: a category must be one of its family's myDATA codes; an
 * amount category needs its amount (> 0); a percentage category's amount is computed from the
 * net (what was sent is not trusted); an amount without a category is refused. Undefined when
 * the line carries none, so a plain line stays exactly as it was.
 */
function judgeTaxes(line: JudgedTaxFields, ctx: z.RefinementCtx): LineTaxesInput | undefined {
  const taxes: LineTaxesInput = {};
  for (const [family, categoryField, amountField] of TAX_FIELDS) {
    const code = line[categoryField] ?? null;
    const amount = line[amountField] ?? 0;
    if (code === null) {
      if (amount > 0) ctx.addIssue({ code: "custom", message: "tax_amount_without_category", path: [amountField] });
      continue;
    }
    const category = getTaxCategory(family, code);
    if (!category) {
      ctx.addIssue({ code: "custom", message: "unknown_tax_category", path: [categoryField] });
    } else if (isRetiredTaxCategory(family, code)) {
      ctx.addIssue({ code: "custom", message: "tax_category_no_longer_accepted", params: { code }, path: [categoryField] });
    } else if (category.kind === "amount" && amount <= 0) {
      ctx.addIssue({ code: "custom", message: "tax_amount_required", path: [amountField] });
    } else {
      taxes[family] = { category: code, amountCents: category.kind === "amount" ? amount : null };
    }
  }
  if ((line.deductionsAmount ?? 0) > 0) taxes.deductionsCents = line.deductionsAmount;
  return Object.keys(taxes).length > 0 ? taxes : undefined;
}

type LineFields = typeof LINE_FIELDS;
type Variant = "typed" | "strict";

function shapeOf<V extends Variant>(variant: V): { [K in keyof LineFields]: LineFields[K][V] } {
  return Object.fromEntries(Object.entries(LINE_FIELDS).map(([name, field]) => [name, field[variant]])) as { [K in keyof LineFields]: LineFields[K][V] };
}

/** A line as the compose form holds it and autosave stores it (see draft-snapshot.ts). */
export const lineValuesSchema = z.object(shapeOf("typed"));

/** A line as typed: the compose form's line, and the line of a draft read back for Fix & resend. */
export type LineValues = z.output<typeof lineValuesSchema>;

/**
 * One line of the draft, judged: the draft schema applies it to every line, and the compose form
 * checks a line alone with it while the line is typed. Reads into the domain's `LineInput`.
 */
export const lineSchema = z.object(shapeOf("strict")).transform((line, ctx): LineInput => {
  const exemption = line.vatExemptionCategory ?? null;
  if (!isKnownUnit(line.unitCode)) ctx.addIssue({ code: "custom", message: "unknown_unit", path: ["unitCode"] });
  else if (UNITS_NOT_OFFERED[line.unitCode]) ctx.addIssue({ code: "custom", message: UNITS_NOT_OFFERED[line.unitCode], path: ["unitCode"] });
  if (line.discountPercent >= 10_000) ctx.addIssue({ code: "custom", message: "discount.full", path: ["discountPercent"] });
  const category = getVatCategory(line.vatCategory);
  if (!category || category.ratePercent === null) {
    ctx.addIssue({ code: "custom", message: "unknown_vat_category", path: ["vatCategory"] });
  } else if (category.requiresVatExemptionCategory && exemption === null) {
    ctx.addIssue({ code: "custom", message: "exemption_required", path: ["vatExemptionCategory"] });
  } else if (!category.requiresVatExemptionCategory && exemption !== null) {
    ctx.addIssue({ code: "custom", message: "exemption_not_allowed", path: ["vatExemptionCategory"] });
  } else if (exemption !== null && !isKnownExemption(exemption)) {
    ctx.addIssue({ code: "custom", message: "unknown_exemption", path: ["vatExemptionCategory"] });
  }
  const { category: classCategory, type } = line.incomeClassification;
  if (!isAllowedClassification52(classCategory, type)) {
    ctx.addIssue({ code: "custom", message: "classification_not_allowed", path: ["incomeClassification", "type"] });
  }
  const taxes = judgeTaxes(line, ctx);
  return {
    ...(taxes === undefined ? {} : { taxes }),
    description: line.description,
    quantityMilli: line.quantity,
    unitCode: line.unitCode,
    unitPriceCents: line.unitPrice,
    discountBasisPoints: line.discountPercent,
    vatCategory: line.vatCategory,
    vatExemptionCategory: exemption,
    incomeClassification: { category: classCategory, type },
  };
});

/** What a client may send as a line (JSON numbers or typed text). */
export type LineBody = z.input<typeof lineSchema>;

/** A judged line: the domain's line input. */
export type ParsedLine = z.infer<typeof lineSchema>;
