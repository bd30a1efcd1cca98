import { describe, expect, it } from "vitest";
import { isWaitingForProvider, isWaitingForProviderRow } from "@/lib/history/waiting";

describe("a document waiting for the provider, not in error", () => {
  it("is due to be sent again after a try that never connected, a lock or an unavailable provider", () => {
    expect(isWaitingForProvider("unknown", "send", { kind: "ambiguous", reason: "connect" })).toBe(true);
    expect(isWaitingForProvider("queued", "send", { kind: "locked" })).toBe(true);
    expect(isWaitingForProvider("unknown", "send", { kind: "unavailable" })).toBe(true);
  });

  it("is not: a send that connected and got no answer, a look-up pending, a settled or fresh document", () => {
    expect(isWaitingForProvider("unknown", "send", { kind: "ambiguous", reason: "timeout" })).toBe(false);
    expect(isWaitingForProvider("unknown", "confirm_duplicate", { kind: "ambiguous", reason: "connect" })).toBe(false);
    expect(isWaitingForProvider("needs_attention", null, { kind: "ambiguous", reason: "connect" })).toBe(false);
    expect(isWaitingForProvider("rejected", null, { kind: "rejected" })).toBe(false);
    expect(isWaitingForProvider("queued", "send", null)).toBe(false);
  });

  it("reads the stored JSON, and unreadable JSON is no wait", () => {
    expect(isWaitingForProviderRow({ status: "unknown", next_action: "send", last_error_json: JSON.stringify({ kind: "ambiguous", reason: "connect", httpStatus: null, message: "could not connect", errors: [] }) })).toBe(true);
    expect(isWaitingForProviderRow({ status: "unknown", next_action: "send", last_error_json: "{" })).toBe(false);
  });
});
