import { describe, expect, it } from "vitest";
import { classificationTypeOptions, vatCategoryOptions } from "@/components/credit-note/code-options";
import { amountInputText, euros } from "@/components/credit-note/money-text";
import { countErrors, WIZARD_STEPS } from "@/components/credit-note/wizard-model";
import { allowedTypesFor52, categoriesFor52 } from "@/lib/domain/codes";
import { composeMessages } from "@/lib/i18n/compose-messages";
import { messageOfCode } from "@/lib/i18n/validation-messages";
import { composeValuesSchema } from "@/lib/validation/draft-snapshot";

describe("wizard steps", () => {
  it("give every field of the draft to exactly one step (only the id is not typed)", () => {
    const owned = WIZARD_STEPS.flatMap((step) => step.fields);
    expect(new Set(owned).size).toBe(owned.length);
    expect([...owned, "id"].sort()).toEqual(Object.keys(composeValuesSchema.shape).sort());
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
