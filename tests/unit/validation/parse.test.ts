import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationFailure } from "@/lib/domain/errors";
import { fieldFailure, parseFields, parseOrFail } from "@/lib/validation/parse";

const schema = z.strictObject({
  name: z.string().trim().min(1, "required"),
  series: z.string().regex(/^[A-Z]+$/, "invalid_series").optional(),
  lines: z.array(z.object({ quantity: z.number() })).optional(),
});

function failureOf(run: () => unknown): ValidationFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailure) return error;
    throw error;
  }
  throw new Error("expected a ValidationFailure");
}

describe("parseOrFail", () => {
  it("returns the parsed data", () => {
    expect(parseOrFail(schema, { name: "  Μαρία " }, "el")).toEqual({ name: "Μαρία" });
  });

  it("throws one coded, labelled error per field, in the caller's language", () => {
    const el = failureOf(() => parseOrFail(schema, { name: "", series: "a-1" }, "el"));
    expect(el.code).toBe("validation");
    expect(el.errors).toEqual([
      { path: "name", code: "required", message: "Επωνυμία: είναι υποχρεωτικό" },
      { path: "series", code: "invalid_series", message: "Σειρά: επιτρέπονται γράμματα, ψηφία, - και / (έως 50)" },
    ]);
    const en = failureOf(() => parseOrFail(schema, {}, "en"));
    expect(en.errors).toEqual([{ path: "name", code: "required", message: "Name: is required" }]);
  });

  it("turns zod's own issues into our codes, unknown keys on the key itself", () => {
    const failure = failureOf(() => parseOrFail(schema, { name: 5, lines: [{ quantity: "x" }], extra: 1 }, "en"));
    expect(failure.errors.map((e) => [e.path, e.code])).toEqual([
      ["name", "invalid_type"], ["lines.0.quantity", "invalid_type"], ["extra", "unrecognized_keys"],
    ]);
  });

  it("prefixes paths, and takes the caller's labels and message parameters", () => {
    const prefixed = failureOf(() => parseOrFail(schema, { name: "" }, "en", { prefix: ["draft"] }));
    expect(prefixed.errors[0]?.path).toBe("draft.name");
    const own = failureOf(() => parseOrFail(z.object({ password: z.string().min(10, "password_length") }), { password: "x" }, "el", {
      labels: { password: { el: "Κωδικός", en: "Password" } },
      params: { min: 10, max: 256 },
    }));
    expect(own.errors).toEqual([{ path: "password", code: "password_length", message: "Κωδικός: πρέπει να έχει από 10 έως 256 χαρακτήρες" }]);
  });

  it("has a non-throwing twin with the same errors", () => {
    expect(parseFields(schema, { name: "x" }, "el")).toEqual({ ok: true, value: { name: "x" } });
    const result = parseFields(schema, {}, "en");
    expect(result.ok ? [] : result.errors).toEqual(failureOf(() => parseOrFail(schema, {}, "en")).errors);
  });
});

describe("fieldFailure", () => {
  it("words a single field error like the schema's, draft. prefix left out of the label", () => {
    expect(fieldFailure("draft.issuer.vat", "issuer_changed", "en", { vat: "094014201" }).errors).toEqual([
      { path: "draft.issuer.vat", code: "issuer_changed", message: "Issuer VAT number: must stay 094014201, whose number this is" },
    ]);
    expect(fieldFailure("cursor", "invalid_cursor", "el").errors[0]?.code).toBe("invalid_cursor");
  });
});
