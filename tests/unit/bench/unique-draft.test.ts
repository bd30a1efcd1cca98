import { describe, expect, it } from "vitest";
import { uniqueDraft } from "@/bench/drill/run-drill";
import { freshDraft } from "@/bench/lib/issuing";
import { parseDraft } from "@/lib/validation/parse-draft";

describe("the drill's notes", () => {
  it("each says something of its own and is valid as the server checks it (payments equal the gross)", () => {
    const grosses = new Set<number>();
    for (const index of [0, 1, 7, 123, 499, 4_999]) {
      const parsed = parseDraft(uniqueDraft("DRX", "6f1c2b0e-8d3a-4c1e-9b7a-2f4d5e6a7b8c", index));
      expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      const payments = uniqueDraft("DRX", "6f1c2b0e-8d3a-4c1e-9b7a-2f4d5e6a7b8c", index).payments as { amount: string }[];
      grosses.add(Number(payments[0]?.amount));
    }
    expect(grosses.size).toBe(6);
  });

  it("a price changed without its payment is refused (what the check above guards against)", () => {
    const draft = freshDraft("DRX", "6f1c2b0e-8d3a-4c1e-9b7a-2f4d5e6a7b8c");
    (draft.lines as { unitPrice: string }[])[0]!.unitPrice = "10.00";
    expect(parseDraft(draft).ok).toBe(false);
  });
});
