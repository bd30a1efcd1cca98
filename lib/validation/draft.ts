import { z } from "zod";
import { computeTotals } from "@/lib/domain/totals";
import { normalizeVatNumber } from "@/lib/domain/vat-number";
import { isKnownPaymentMethod } from "@/lib/domain/codes";
import { PAYMENT_METHODS_NOT_OFFERED } from "@/lib/domain/fiscal-codes";
import type { CreditNoteInput, LineInput } from "@/lib/domain/types";
import {
  codeField, countryCodeField, emailListField, numberField, optionalTextField, textField,
} from "./fields";
import { lineSchema } from "./line";

export const MAX_LINES = 1000;
export const MAX_PAYMENTS = 20;

/** A postal address; shared with the settings schemas. */
export const addressSchema = z.object({
  countryCode: countryCodeField,
  city: textField(150),
  street: textField(150),
  postalCode: textField(20),
});

const issuerSchema = z
  .object({
    vat: z.string().trim().min(1, "required"),
    name: textField(200),
    branchCode: z.coerce.number("invalid_type").int("invalid_type").min(0, "invalid_type").default(0),
    address: addressSchema,
  })
  .transform((issuer, ctx) => {
    if (issuer.address.countryCode !== "GR") {
      ctx.addIssue({ code: "custom", message: "issuer_not_greek", path: ["address", "countryCode"] });
      return z.NEVER;
    }
    const vat = normalizeVatNumber("GR", issuer.vat);
    if (!vat.ok) {
      ctx.addIssue({ code: "custom", message: vat.code, path: ["vat"] });
      return z.NEVER;
    }
    return { ...issuer, vat: vat.vat };
  });

/** A counterparty; also the address-book entry (settings and "save to address book"). */
export const counterpartySchema = z
  .object({
    name: textField(200),
    vat: z.string().trim().min(1, "required").max(30, "too_long"),
    code: optionalTextField(50),
    address: addressSchema,
    emails: emailListField,
  })
  // A refinement (not only the transform) so that a wrong VAT number is reported together with the
  // other fields' problems, e.g. while the name is still empty; it waits for a usable country.
  .superRefine((party, ctx) => {
    if (party.vat.trim() === "" || !/^[A-Z]{2}$/.test(party.address.countryCode)) return;
    const vat = normalizeVatNumber(party.address.countryCode, party.vat);
    if (!vat.ok) ctx.addIssue({ code: "custom", message: vat.code, path: ["vat"] });
  })
  .transform((party, ctx) => {
    const vat = normalizeVatNumber(party.address.countryCode, party.vat);
    if (!vat.ok) {
      ctx.addIssue({ code: "custom", message: vat.code, path: ["vat"] });
      return z.NEVER;
    }
    return { ...party, vat: vat.vat };
  });

const paymentSchema = z
  .object({ methodCode: codeField(), amount: numberField("amount") })
  .transform((payment, ctx) => {
    if (!isKnownPaymentMethod(payment.methodCode)) {
      ctx.addIssue({ code: "custom", message: "unknown_payment_method", path: ["methodCode"] });
    } else if (PAYMENT_METHODS_NOT_OFFERED[payment.methodCode]) {
      ctx.addIssue({ code: "custom", message: PAYMENT_METHODS_NOT_OFFERED[payment.methodCode], path: ["methodCode"] });
    }
    return { methodCode: payment.methodCode, amountCents: payment.amount };
  });

/** True for a line that came out of lineSchema's transform (not a raw object that failed it). */
function isParsedLine(line: unknown): line is LineInput {
  if (typeof line !== "object" || line === null) return false;
  const l = line as Partial<LineInput>;
  return [l.quantityMilli, l.unitPriceCents, l.discountBasisPoints, l.vatCategory].every((n) => Number.isSafeInteger(n));
}

const issuedAtField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, "invalid_datetime")
  .refine((value) => !Number.isNaN(Date.parse(`${value}Z`)) && new Date(`${value}Z`).toISOString().startsWith(value), "invalid_datetime");

/**
 * The draft of docs/DRAFT.md: the body of preview and issue. Shared by the compose form
 * (through its resolver) and the route handlers. Amounts are parsed, never trusted as totals.
 */
export const draftSchema = z
  .object({
    id: z.uuid("invalid_uuid").optional().nullable(),
    issuerProfileId: z.string().trim().max(100, "too_long").optional().nullable(),
    issuer: issuerSchema,
    series: z.string().trim().min(1, "required").max(50, "too_long").regex(/^[\p{L}\p{N}\-/]+$/u, "invalid_series"),
    number: z
      .union([z.string(), z.number()])
      .transform((v) => String(v).trim())
      // myDATA's aa: a positive integer; "0" is refused (AADE error 212), leading zeros are not written.
      .pipe(z.string().regex(/^[1-9]\d{0,49}$/, "invalid_document_number"))
      .optional()
      .nullable(),
    issuedAt: issuedAtField.optional().nullable(),
    counterparty: counterpartySchema,
    priceEntry: z.enum(["net", "gross"], "invalid_type").default("net"),
    lines: z.array(lineSchema).min(1, "no_lines").max(MAX_LINES, "too_many_lines"),
    payments: z.array(paymentSchema).min(1, "no_payments").max(MAX_PAYMENTS, "too_long"),
    emails: emailListField,
    /** The provider e-mails the PDF to `emails` (one e-mail, at registration). */
    sendPdf: z.boolean("invalid_type").optional().default(false),
    reference: optionalTextField(200),
    notes: optionalTextField(1000),
    /** A credit of part of an issued invoice: the 5.1 is correlated to this MARK. */
    correlatedMark: z.string().trim().regex(/^\d{1,20}$/, "invalid_number").optional().nullable(),
  })
  .superRefine((draft, ctx) => {
    if (draft.sendPdf && draft.emails.length === 0) ctx.addIssue({ code: "custom", message: "pdf_needs_email", path: ["emails"] });
    // zod still runs this refinement when a line or payment failed; totals need every one parsed.
    if (!draft.lines.every(isParsedLine) || !draft.payments.every((p) => Number.isSafeInteger(p?.amountCents))) return;
    const totals = computeTotals(draft);
    if (totals.grossCents <= 0) {
      ctx.addIssue({ code: "custom", message: "total_zero", path: ["lines"] });
    } else if (totals.paymentDifferenceCents !== 0) {
      const paid = totals.grossCents + totals.paymentDifferenceCents;
      ctx.addIssue({
        code: "custom",
        message: "payments_sum_mismatch",
        path: ["payments"],
        params: { paidCents: paid, grossCents: totals.grossCents },
      });
    }
  });

export type DraftFormValues = z.input<typeof draftSchema>;

/** What issuing needs: the parsed document input plus its requested identity. */
export interface IssueRequest {
  draftId: string | undefined;
  issuerProfileId: string | undefined;
  series: string;
  /** Undefined: the next number of the series. */
  number: string | undefined;
  /** Europe/Athens local `YYYY-MM-DDTHH:mm:ss`; undefined: the moment of issuing. */
  issuedAt: string | undefined;
  input: CreditNoteInput;
}

export function toIssueRequest(draft: z.output<typeof draftSchema>): IssueRequest {
  return {
    draftId: draft.id ?? undefined,
    issuerProfileId: draft.issuerProfileId ?? undefined,
    series: draft.series,
    number: draft.number ?? undefined,
    issuedAt: draft.issuedAt ?? undefined,
    input: {
      issuer: draft.issuer,
      counterparty: draft.counterparty,
      priceEntry: draft.priceEntry,
      lines: draft.lines,
      payments: draft.payments,
      emails: draft.emails,
      ...(draft.sendPdf ? { sendPdf: true } : {}),
      reference: draft.reference,
      notes: draft.notes,
      ...(draft.correlatedMark ? { correlatedMark: draft.correlatedMark } : {}),
    },
  };
}
