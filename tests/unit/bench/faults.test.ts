import { describe, expect, it } from "vitest";
import { describeFault, faultCycle, seededRandom, shuffled, STATUS_FAULTS, SUBMISSION_FAULTS } from "@/bench/drill/faults";

describe("the drill's fault schedule", () => {
  it("covers every submission fault mode the sandbox documents", () => {
    const modes = new Set(SUBMISSION_FAULTS.map((spec) => spec.mode));
    for (const mode of ["delay", "error500", "error500_after_store", "accept_then_hang", "reset_before_store", "reset_after_store", "malformed_2xx", "timeout_408"]) {
      expect(modes.has(mode), mode).toBe(true);
    }
    expect(SUBMISSION_FAULTS.every((spec) => spec.paths.includes("json"))).toBe(true);
    expect(STATUS_FAULTS.every((spec) => spec.paths.includes("status"))).toBe(true);
  });

  it("each round of the cycle holds every fault exactly once", () => {
    const next = faultCycle(SUBMISSION_FAULTS, seededRandom(42));
    for (let round = 0; round < 3; round += 1) {
      const drawn = Array.from({ length: SUBMISSION_FAULTS.length }, () => describeFault(next()));
      expect(new Set(drawn).size).toBe(SUBMISSION_FAULTS.length);
    }
  });

  it("the same seed gives the same schedule", () => {
    const a = faultCycle(STATUS_FAULTS, seededRandom(7));
    const b = faultCycle(STATUS_FAULTS, seededRandom(7));
    expect(Array.from({ length: 12 }, () => describeFault(a()))).toEqual(Array.from({ length: 12 }, () => describeFault(b())));
  });

  it("shuffling permutes without losing or adding items, and draws stay in [0, 1)", () => {
    const random = seededRandom(1);
    expect(shuffled([1, 2, 3, 4, 5], random).sort()).toEqual([1, 2, 3, 4, 5]);
    for (let i = 0; i < 1000; i += 1) {
      const draw = random();
      expect(draw).toBeGreaterThanOrEqual(0);
      expect(draw).toBeLessThan(1);
    }
  });

  it("names a fault with its delay and paths", () => {
    expect(describeFault({ mode: "delay", paths: ["json"], times: 1, ms: 4000 })).toBe("delay 4000 ms on json");
  });
});
