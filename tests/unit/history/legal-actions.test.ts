import { describe, expect, it } from "vitest";
import { isMoving, legalActions, type ActionFacts } from "@/lib/history/legal-actions";

const base: ActionFacts = { status: "accepted", kind: "compose", mark: "400001000000001", authenticationCode: "ABC", leaseLive: false, canAct: true };

describe("actions offered per state", () => {
  it.each([
    ["queued", {}, ["copy"]],
    ["sending", {}, ["refresh", "copy"]],
    ["accepted", {}, ["copy"]],
    ["accepted", { authenticationCode: null }, ["refresh", "copy"]],
    ["rejected", { mark: null, authenticationCode: null }, ["fix", "copy", "close_out"]],
    ["rejected", { mark: null, authenticationCode: null, closed: true }, ["copy"]],
    ["unknown", { mark: null, authenticationCode: null }, ["refresh", "retry", "copy"]],
    ["unknown", { mark: null, authenticationCode: null, leaseLive: true }, ["refresh", "copy"]],
    ["needs_attention", { mark: null, authenticationCode: null }, ["refresh", "retry", "copy", "close_out"]],
    ["needs_attention", { mark: null, authenticationCode: null, closed: true }, ["refresh", "copy"]],
  ] as const)("%s %o → %o", (status, facts, expected) => {
    expect(legalActions({ ...base, ...facts, status })).toEqual(expected);
  });

  it("never offers Fix & resend or Copy for a credit of an existing document, and never a credit of a credit note", () => {
    expect(legalActions({ ...base, kind: "credit_existing", status: "rejected" })).toEqual(["correct", "close_out"]);
    expect(legalActions({ ...base, kind: "credit_existing", status: "rejected", closed: true })).toEqual([]);
    expect(legalActions({ ...base, kind: "credit_existing" })).toEqual([]);
  });

  it("offers nothing to someone who may only read", () => {
    for (const status of ["queued", "sending", "accepted", "rejected", "unknown", "needs_attention"] as const) {
      expect(legalActions({ ...base, status, canAct: false })).toEqual([]);
    }
  });

  it("knows which statuses still move by themselves", () => {
    expect(["queued", "sending", "unknown"].every(isMoving)).toBe(true);
    expect(["accepted", "rejected", "needs_attention"].some(isMoving)).toBe(false);
  });
});
