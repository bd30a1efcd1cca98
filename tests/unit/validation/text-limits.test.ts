import { describe, expect, it } from "vitest";
import { messageOfCode } from "@/lib/i18n/validation-messages";
import { draftSnapshotSchema } from "@/lib/validation/draft-snapshot";
import { parseFields } from "@/lib/validation/parse";
import { parseDraft } from "@/lib/validation/parse-draft";
import { TEXT_LIMITS } from "@/lib/validation/text-limits";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

type Draft = ReturnType<typeof sampleDraft> & Record<string, unknown>;

const FIELDS: [keyof typeof TEXT_LIMITS, string, (draft: Draft, text: string) => void][] = [
  ["lineDescription", "lines.0.description", (draft, text) => { draft.lines[0]!.description = text; }],
  ["counterpartyName", "counterparty.name", (draft, text) => { draft.counterparty.name = text; }],
  ["street", "counterparty.address.street", (draft, text) => { draft.counterparty.address.street = text; }],
  ["city", "counterparty.address.city", (draft, text) => { draft.counterparty.address.city = text; }],
  ["reference", "reference", (draft, text) => { draft.reference = text; }],
  ["notes", "notes", (draft, text) => { draft.notes = text; }],
];

describe("text limits shown beside the compose fields", () => {
  it.each(FIELDS)("the draft schema holds %s to its limit and the error names it, in Greek and English", (limit, path, set) => {
    const max = TEXT_LIMITS[limit];
    const atLimit = sampleDraft() as Draft;
    set(atLimit, "α".repeat(max));
    const okResult = parseDraft(atLimit, "el");
    if (!okResult.ok) expect(okResult.errors.filter((e) => e.path === path)).toEqual([]);

    const over = sampleDraft() as Draft;
    set(over, "α".repeat(max + 1));
    for (const locale of ["el", "en"] as const) {
      const result = parseDraft(over, locale);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const error = result.errors.find((e) => e.path === path);
      expect(error?.code).toBe("too_long");
      expect(error?.message).toContain(String(max));
      expect(error?.message).toMatch(locale === "el" ? /έως \d+ χαρακτήρες/ : /at most \d+ characters/);
    }
  });

  it("an autosave of an over-long description is refused naming the field, its line and the limit", () => {
    const draft = { ...sampleDraft(), id: "7f1c1f8e-3f39-4a36-9d1c-9a0c3f1b2a11" } as Draft;
    draft.lines[0]!.description = "x".repeat(TEXT_LIMITS.lineDescription + 5);
    const result = parseFields(draftSnapshotSchema, { draft, step: 2 }, "en");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/line 1.*at most 300 characters/i);
  });

  it("words a limit the form names (chars) and keeps the plain wording without one", () => {
    expect(messageOfCode("too_long", "el", { chars: 300 })).toBe("επιτρέπονται έως 300 χαρακτήρες");
    expect(messageOfCode("too_long", "en")).toBe("is too long");
  });
});
