import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelayMs, DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";

const policy = { ...DEFAULT_SENDING_POLICY, backoffBaseMs: 1_000, backoffCapMs: 60_000 };

describe("backoffDelayMs (full jitter)", () => {
  it.each([
    [0, 0.5, 500],
    [1, 0.5, 1_000],
    [3, 0.999, 7_992],
    [6, 0.5, 30_000], // 64 s ceiling capped at 60 s
    [40, 0.5, 30_000],
    [2, 0, 0],
  ])("step %i, draw %f → %i ms", (step, random, expected) => {
    expect(backoffDelayMs(step, policy, random)).toBe(expected);
  });

  it("Retry-After is a floor, even above the cap", () => {
    expect(backoffDelayMs(0, policy, 0.1, 5_000)).toBe(5_000);
    expect(backoffDelayMs(10, policy, 0.9, 120_000)).toBe(120_000);
    expect(backoffDelayMs(10, policy, 0.9, 1)).toBe(54_000);
  });

  it("stays within [0, min(cap, base·2^step)) for every step and draw", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (step, random) => {
        const delay = backoffDelayMs(step, policy, random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** Math.min(step, 40)));
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });
});

describe("DEFAULT_SENDING_POLICY (riding out provider outages)", () => {
  it("backs off at most about 30 s, so a document is tried again within 30 s of the provider's return", () => {
    expect(DEFAULT_SENDING_POLICY.backoffCapMs).toBe(30_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (step, random) => {
        expect(backoffDelayMs(step, DEFAULT_SENDING_POLICY, random)).toBeLessThan(30_000);
      }),
    );
  });

  it("is bounded by a 24 h deadline and a cap of 8 ambiguous sends, not by a small total count", () => {
    expect(DEFAULT_SENDING_POLICY.deadlineMs).toBe(24 * 60 * 60 * 1000);
    expect(DEFAULT_SENDING_POLICY.maxAmbiguousSends).toBe(8);
    expect(DEFAULT_SENDING_POLICY).not.toHaveProperty("maxAttempts");
  });
});
