import { describe, expect, it } from "vitest";
import type { LookupOutcome } from "@/lib/provider/types";
import { duplicateMatches, lookupMatches } from "@/lib/sending/provider-match";
import { refreshEffect } from "@/lib/sending/refresh-rules";
import { lookup, ours } from "@/tests/unit/sending/outcomes";

type Found = Extract<LookupOutcome, { kind: "found" }>;
const found = (extra: Partial<Found> = {}) => lookup.accepted(extra) as Found;

describe("lookupMatches", () => {
  it("matches on the internal id when nothing else is stated", () => {
    expect(lookupMatches(found({ series: undefined, number: undefined }), ours)).toEqual({ ok: true });
  });
  it("a field the look-up leaves out proves nothing", () => {
    expect(lookupMatches(found({ internalId: undefined }), ours)).toEqual({ ok: true });
  });
  it.each([
    ["internalId", { internalId: "other" }],
    ["series", { series: "X9" }],
    ["number", { number: "8" }],
  ])("a different %s is a mismatch", (field, extra) => {
    const result = lookupMatches(found(extra), ours);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.differences[0]).toContain(field);
  });
  it("compares the MARK once we know ours", () => {
    expect(lookupMatches(found({ mark: "1" }), { ...ours, mark: "2" }).ok).toBe(false);
    expect(lookupMatches(found({ mark: "2" }), { ...ours, mark: "2" }).ok).toBe(true);
  });
});

describe("refreshEffect", () => {
  const idle = { status: "unknown" as const, nextAction: "lookup" as const, leaseLive: false };
  it("our acceptance settles any state", () => {
    for (const status of ["queued", "sending", "unknown", "needs_attention", "rejected", "accepted"] as const) {
      expect(refreshEffect({ ...idle, status }, lookup.accepted(), ours)?.status).toBe("accepted");
    }
  });
  it("someone else's acceptance changes nothing", () => {
    expect(refreshEffect(idle, lookup.accepted({ internalId: "x" }), ours)).toBeNull();
  });
  it("a rejection settles an idle unknown document only", () => {
    expect(refreshEffect(idle, lookup.rejected(), ours)?.status).toBe("rejected");
    expect(refreshEffect({ ...idle, leaseLive: true }, lookup.rejected(), ours)).toBeNull();
    expect(refreshEffect({ ...idle, nextAction: "confirm_duplicate" }, lookup.rejected(), ours)).toBeNull();
    expect(refreshEffect({ ...idle, status: "needs_attention", nextAction: null }, lookup.rejected(), ours)).toBeNull();
  });
  it.each([["processing", lookup.processing()], ["not found", lookup.notFound()], ["unavailable", lookup.unavailable()]])("%s only goes on the timeline", (_n, outcome) => {
    expect(refreshEffect(idle, outcome, ours)).toBeNull();
  });
});

describe("duplicateMatches", () => {
  const registered = { mark: "400001961605322", uid: "U", authenticationCode: "A", url: "u", internalId: ours.internalId, series: ours.series, number: ours.number };
  it("is ours only when internal id, series and number are all stated and equal", () => {
    expect(duplicateMatches(registered, ours)).toEqual({ ok: true });
    expect(duplicateMatches({ ...registered, internalId: "ERP-77120" }, ours)).toMatchObject({ ok: false, differences: [expect.stringContaining("ERP-77120")] });
    expect(duplicateMatches({ ...registered, internalId: undefined }, ours)).toEqual({ ok: "incomplete" });
    expect(duplicateMatches({ ...registered, number: "" }, ours)).toEqual({ ok: "incomplete" });
  });
});

describe("a document list row (no internal id)", () => {
  const row = (listed: Record<string, string>) => found({ internalId: undefined, source: "document_list", listed });
  const mine = { ...ours, counterpartyVat: "EL800512345", grossCents: 12_400 };
  it("matches on counterparty VAT (with or without EL) and gross where both sides know them", () => {
    expect(lookupMatches(row({ counterpartyVat: "800512345", totalAmount: "124.0" }), mine)).toEqual({ ok: true });
    expect(lookupMatches(row({ counterpartyVat: "EL800512345", totalAmount: "124.01" }), mine).ok).toBe(false);
    expect(lookupMatches(row({ counterpartyVat: "EL999999999" }), mine).ok).toBe(false);
  });
  it("Refresh does not overturn a needs_attention caused by another document holding our number", () => {
    const idle = { status: "needs_attention" as const, nextAction: null, leaseLive: false };
    expect(refreshEffect({ ...idle, lastErrorKind: "mismatch" }, row({}), ours)).toBeNull();
    expect(refreshEffect({ ...idle, lastErrorKind: "unavailable" }, row({}), ours)).toMatchObject({ status: "accepted" });
  });
});
