/** myDATA rules on each invoice line: exemption reason, income classification, VAT and total. */
import { formatCents, vatForNet } from "./amounts";
import { AadeCode } from "./aade-codes";
import { EXEMPT_VAT_CATEGORY, INCOME_CLASSIFICATIONS_5_2, VAT_RATE_BY_CATEGORY } from "./codes";
import type { AadeIssue, ParsedLine } from "./types";

/** Rounding slack myDATA grants a line's VAT against net × rate (error 229 beyond it). */
const VAT_TOLERANCE_CENTS = 1;

function classificationPath(linePath: string, line: ParsedLine, index: number): string {
  return line.classifications.length === 1 ? `${linePath}.IncomeClassification` : `${linePath}.IncomeClassification[${index}]`;
}

function exemptionIssues(line: ParsedLine, path: string): AadeIssue[] {
  const field = `${path}.VatExemptionCategoryCode`;
  if (line.vatCategory === EXEMPT_VAT_CATEGORY && line.vatExemption === null) {
    return [{ code: AadeCode.ExemptionMissing, text: "A VAT exemption category is mandatory for VAT category 7 (0%).", field, line: line.lineNo }];
  }
  if (line.vatCategory !== EXEMPT_VAT_CATEGORY && line.vatExemption !== null) {
    return [{ code: AadeCode.ExemptionNotAllowed, text: `A VAT exemption category is not allowed with VAT category ${line.vatCategory}.`, field, line: line.lineNo }];
  }
  return [];
}

/** 5.2 has its own combination matrix; 5.1 inherits the original's, which the sandbox does not know. */
function classificationIssues(line: ParsedLine, path: string, invoiceType: string): AadeIssue[] {
  const issues: AadeIssue[] = [];
  const at = (code: number, text: string, field: string): void => {
    issues.push({ code, text, field, line: line.lineNo });
  };
  if (line.classifications.length === 0) {
    if (invoiceType === "5.2") at(AadeCode.ClassificationMissing, "An income classification is mandatory on every line.", `${path}.IncomeClassification`);
    return issues;
  }
  line.classifications.forEach((entry, index) => {
    const base = classificationPath(path, line, index);
    if (invoiceType !== "5.2") return;
    const rule = INCOME_CLASSIFICATIONS_5_2[entry.category];
    if (rule === undefined) {
      at(AadeCode.ClassificationNotAllowed, `Classification category ${entry.category} is not allowed for invoice type 5.2.`, `${base}.ClassificationCategoryCode`);
    } else if (entry.type === null ? !rule.typeMayBeOmitted : !rule.types.includes(entry.type)) {
      const text = `Classification type ${entry.type ?? "(none)"} is not allowed with ${entry.category} for invoice type 5.2.`;
      at(AadeCode.ClassificationNotAllowed, text, `${base}.ClassificationTypeCode`);
    }
  });
  const classifiedCents = line.classifications.reduce((sum, entry) => sum + entry.amountCents, 0);
  if (classifiedCents !== line.netCents) {
    const text = `Income classification amount ${formatCents(classifiedCents)} differs from the line net value ${formatCents(line.netCents)}.`;
    at(AadeCode.ClassificationAmount, text, `${classificationPath(path, line, 0)}.Amount`);
  }
  return issues;
}

function amountIssues(line: ParsedLine, path: string): AadeIssue[] {
  const issues: AadeIssue[] = [];
  const rate = VAT_RATE_BY_CATEGORY.get(line.vatCategory) ?? 0;
  const expectedVat = vatForNet(line.netCents, rate);
  if (Math.abs(line.vatCents - expectedVat) > VAT_TOLERANCE_CENTS) {
    issues.push({
      code: AadeCode.LineVat,
      text: `The VAT amount ${formatCents(line.vatCents)} differs from net value ${formatCents(line.netCents)} × ${rate}% = ${formatCents(expectedVat)}.`,
      field: `${path}.VATTotal`,
      line: line.lineNo,
    });
  }
  if (line.totalCents !== line.netCents + line.vatCents) {
    issues.push({
      code: AadeCode.LineTotal,
      text: `The line total ${formatCents(line.totalCents)} differs from net + VAT = ${formatCents(line.netCents + line.vatCents)}.`,
      field: `${path}.Total`,
      line: line.lineNo,
    });
  }
  return issues;
}

export function lineIssues(lines: ParsedLine[], invoiceType: string): AadeIssue[] {
  return lines.flatMap((line, index) => {
    const path = `Details[${index}]`;
    return [...exemptionIssues(line, path), ...classificationIssues(line, path, invoiceType), ...amountIssues(line, path)];
  });
}
