/**
 * Field readers for the provider-level checks. Each one reads a property case-insensitively,
 * records a FieldError naming the PascalCase path when the value is missing or unusable, and
 * returns the typed value or null.
 */
import { readAmount } from "./amounts";
import { AadeCode } from "./aade-codes";
import { asText, getField, joinPath } from "./json-fields";
import type { AadeIssue, FieldError } from "./types";

export interface ParseContext {
  providerErrors: FieldError[];
  /** myDATA-level findings met while reading amounts (sign, decimals, quantity). */
  aadeIssues: AadeIssue[];
}

export interface ReadOptions {
  required?: boolean;
  aliases?: string[];
}

export function newParseContext(): ParseContext {
  return { providerErrors: [], aadeIssues: [] };
}

export function reportMissing(ctx: ParseContext, field: string, detail = ""): void {
  ctx.providerErrors.push({ code: "MissingField", message: `The ${field} field is required.${detail}`, field });
}

export function reportInvalid(ctx: ParseContext, field: string, message: string, code = "InvalidValue"): void {
  ctx.providerErrors.push({ code, message, field });
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Reads the raw value, reporting a missing mandatory one; undefined means "absent". */
function readRaw(ctx: ParseContext, obj: unknown, parent: string, name: string, options: ReadOptions): unknown {
  const value = getField(obj, name, ...(options.aliases ?? []));
  if (isBlank(value)) {
    if (options.required === true) reportMissing(ctx, joinPath(parent, name));
    return undefined;
  }
  return value;
}

export function readText(ctx: ParseContext, obj: unknown, parent: string, name: string, options: ReadOptions = {}): string | null {
  const value = readRaw(ctx, obj, parent, name, options);
  if (value === undefined) return null;
  const text = asText(value);
  if (text === undefined) {
    reportInvalid(ctx, joinPath(parent, name), `${joinPath(parent, name)} must be text.`);
    return null;
  }
  return text;
}

function toInteger(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return Number(value);
  return null;
}

/** A code from a myDATA list (VAT category, payment method, …). */
export function readCode(
  ctx: ParseContext, obj: unknown, parent: string, name: string, allowed: ReadonlySet<number>, options: ReadOptions = {},
): number | null {
  const value = readRaw(ctx, obj, parent, name, options);
  if (value === undefined) return null;
  const code = toInteger(value);
  if (code === null || !allowed.has(code)) {
    const field = joinPath(parent, name);
    reportInvalid(ctx, field, `The value ${JSON.stringify(value)} is not valid for ${field}.`, "InvalidCode");
    return null;
  }
  return code;
}

export function readCount(ctx: ParseContext, obj: unknown, parent: string, name: string, options: ReadOptions = {}): number | null {
  const value = readRaw(ctx, obj, parent, name, options);
  if (value === undefined) return null;
  const count = toInteger(value);
  if (count === null || count < 0) {
    reportInvalid(ctx, joinPath(parent, name), `${joinPath(parent, name)} must be a whole number ≥ 0.`);
    return null;
  }
  return count;
}

/** An amount in cents; sign and decimals are myDATA rules, so they become AADE issues, not provider errors. */
export function readMoney(
  ctx: ParseContext, obj: unknown, parent: string, name: string, line: number | null, options: ReadOptions = {},
): number | null {
  const value = readRaw(ctx, obj, parent, name, options);
  if (value === undefined) return null;
  const field = joinPath(parent, name);
  const reading = readAmount(value);
  if (reading === null) {
    reportInvalid(ctx, field, `${field} must be a decimal number.`);
    return null;
  }
  if (reading.negative) {
    ctx.aadeIssues.push({ code: AadeCode.NegativeAmount, text: `${field} must not be negative (${String(value)}).`, field, line });
  }
  if (!reading.exact) {
    ctx.aadeIssues.push({ code: AadeCode.TooManyDecimals, text: `${field} has more than two decimals (${String(value)}).`, field, line });
  }
  return reading.cents;
}

/** A line quantity: any positive decimal number. */
export function readQuantity(ctx: ParseContext, obj: unknown, parent: string, line: number): number | null {
  const value = readRaw(ctx, obj, parent, "Quantity", { required: true });
  if (value === undefined) return null;
  const field = joinPath(parent, "Quantity");
  const quantity = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  if (!Number.isFinite(quantity)) {
    reportInvalid(ctx, field, `${field} must be a number.`);
    return null;
  }
  if (quantity <= 0) {
    ctx.aadeIssues.push({ code: AadeCode.NonPositiveQuantity, text: `${field} must be greater than zero.`, field, line });
  }
  return quantity;
}
