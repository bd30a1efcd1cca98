import { describe, expect, it } from "vitest";
import { createProviderCircuit } from "@/lib/sending/circuit";

const at = (ms: number) => new Date(Date.UTC(2025, 5, 1, 10, 0, 0, ms));

describe("provider circuit", () => {
  it("opens after 3 consecutive connection failures, since the first of them", () => {
    const circuit = createProviderCircuit({ openAfter: 3, probeEveryMs: 2_000 });
    circuit.record(false, at(0));
    circuit.record(false, at(100));
    expect(circuit.isOpen).toBe(false);
    circuit.record(false, at(200));
    expect(circuit.isOpen).toBe(true);
    expect(circuit.unreachableSince).toEqual(at(0));
  });

  it("an answer in between resets the count", () => {
    const circuit = createProviderCircuit({ openAfter: 3 });
    circuit.record(false, at(0));
    circuit.record(false, at(1));
    circuit.record(true, at(2));
    circuit.record(false, at(3));
    circuit.record(false, at(4));
    expect(circuit.isOpen).toBe(false);
  });

  it("probes every 2 s while open; a probe that connects recovers it, close() resets", () => {
    const circuit = createProviderCircuit({ openAfter: 1, probeEveryMs: 2_000 });
    expect(circuit.probeDue(at(0))).toBe(false);
    circuit.record(false, at(0));
    expect(circuit.probeDue(at(1_999))).toBe(false);
    expect(circuit.probeDue(at(2_000))).toBe(true);
    circuit.probed(false, at(2_000));
    expect(circuit.recovered).toBe(false);
    expect(circuit.probeDue(at(3_000))).toBe(false);
    circuit.probed(true, at(4_000));
    expect(circuit.recovered).toBe(true);
    circuit.close();
    expect([circuit.isOpen, circuit.unreachableSince, circuit.recovered]).toEqual([false, null, false]);
  });

  it("an in-flight call that connects while open recovers it without a probe", () => {
    const circuit = createProviderCircuit({ openAfter: 1 });
    circuit.record(false, at(0));
    circuit.record(true, at(10));
    expect(circuit.recovered).toBe(true);
    expect(circuit.probeDue(at(10_000))).toBe(false);
  });
});
