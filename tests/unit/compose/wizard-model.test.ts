import { describe, expect, it } from "vitest";
import { classificationTypeOptions, vatCategoryOptions } from "@/components/credit-note/code-options";
import { amountInputText, euros } from "@/components/credit-note/money-text";
import { countErrors, stepTitle } from "@/components/credit-note/wizard-model";
import { allowedTypesFor52, categoriesFor52 } from "@/lib/domain/codes";
import { composeMessages } from "@/lib/i18n/compose-messages";
import { messageOfCode } from "@/lib/i18n/validation-messages";
import { draftSchema } from "@/lib/validation/draft";
import { composeValuesSchema, draftSnapshotSchema } from "@/lib/validation/draft-snapshot";
import { hasControl, stepOfPath, WIZARD_STEPS } from "@/lib/validation/steps";

describe("wizard steps", () => {
  it("give every field of the draft to exactly one step (only the id is not typed)", () => {
    const owned: string[] = WIZARD_STEPS.flatMap((step) => step.fields);
    expect(new Set(owned).size).toBe(owned.length);
    expect([...owned, "id"].sort()).toEqual(Object.keys(draftSchema.shape).sort());
    // The form holds every field but the number, which issuing assigns.
    expect(Object.keys(composeValuesSchema.shape).filter((key) => key !== "id").every((key) => owned.includes(key))).toBe(true);
  });

  it("have a control for a path only inside the step that owns it, and a title each", () => {
    for (const step of WIZARD_STEPS) {
      for (const control of step.controls) expect(stepOfPath(control.replace(/#/g, "0")), control).toBe(step.id);
    }
    expect(hasControl("lines.12.vatCategory")).toBe(true);
    expect(hasControl("payments.0.amount")).toBe(true);
    expect(hasControl("lines.0")).toBe(false);
    expect(hasControl("number")).toBe(false);
    expect(hasControl(null)).toBe(false);
    expect(stepOfPath("Summaries")).toBe("review");
    expect(WIZARD_STEPS.map((_, index) => stepTitle(index))).toEqual(["wizard.step.issuer", "wizard.step.counterparty", "wizard.step.lines", "wizard.step.payment", "wizard.step.review"]);
    expect(draftSnapshotSchema.safeParse({ draft: { id: "5d3f0c2a-8b1e-4c7d-9f60-1a2b3c4d5e6f" }, step: WIZARD_STEPS.length }).success).toBe(false);
  });

  it("count the fields in error of a react-hook-form error tree", () => {
    expect(countErrors({ counterparty: { name: { message: "required", ref: {} }, address: { city: { message: "required" } } }, lines: [undefined, { unitPrice: { message: "x" } }] })).toBe(3);
    expect(countErrors({})).toBe(0);
  });
});

describe("code options", () => {
  it("offer every VAT category a credit-note line may carry, never 8", () => {
    expect(vatCategoryOptions("el").map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", "6", "7", "9", "10"]);
    expect(vatCategoryOptions("el").find((o) => o.value === "7")?.label).toBe("0% (άνευ ΦΠΑ)");
  });

  it("offer exactly the classification types 5.2 allows with each category", () => {
    for (const category of categoriesFor52()) {
      expect(classificationTypeOptions(category, "en").map((o) => o.value)).toEqual([...allowedTypesFor52(category)]);
    }
    expect(classificationTypeOptions("category3", "el")).toEqual([]);
  });
});

describe("numbers shown and put back", () => {
  it("show euros the Greek or English way and write amounts back without thousands separators", () => {
    expect(euros(123456, "el")).toBe("1.234,56 €");
    expect(euros(123456, "en")).toBe("1,234.56 €");
    expect(amountInputText(67457, "el")).toBe("674,57");
    expect(amountInputText(123405, "en")).toBe("1234.05");
    expect(amountInputText(5, "el")).toBe("0,05");
  });
});

describe("compose messages", () => {
  it("have both languages for every key", () => {
    for (const [key, value] of Object.entries(composeMessages)) {
      expect(value.el, key).not.toBe("");
      expect(value.en, key).not.toBe("");
    }
  });

  it("word every code the compose and settings schemas report", () => {
    for (const code of ["branch_code_range", "next_number_range", "required", "vat_format", "afm_check_digit", "exemption_required", "amount.ambiguous_separators", "quantity.must_be_positive", "classification_not_allowed", "payments_sum_mismatch", "invalid_email", "invalid_series"]) {
      expect(messageOfCode(code, "el"), code).not.toBe(code);
      expect(messageOfCode(code, "en"), code).not.toBe(code);
    }
    expect(messageOfCode("payments_sum_mismatch", "en", { paid: "1,00 €", gross: "7,99 €" })).toBe("payment amounts (1,00 €) must add up to the gross total (7,99 €)");
  });
});
