import { describe, expect, it } from "vitest";
import { median, percentile, ratio, summarize } from "@/bench/lib/stats";

describe("benchmark statistics", () => {
  it("median of an odd series is the middle value, of an even one the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("percentiles interpolate linearly between closest ranks", () => {
    const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(oneToTwenty, 95)).toBeCloseTo(19.05, 10);
    expect(percentile(oneToTwenty, 0)).toBe(1);
    expect(percentile(oneToTwenty, 100)).toBe(20);
    expect(percentile([10, 20], 50)).toBe(15);
  });

  it("p95 of 100 samples sits between the 95th and 96th smallest", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 95)).toBeCloseTo(95.05, 10);
  });

  it("clamps the percentile rank and ignores values that are not finite", () => {
    expect(percentile([1, 2, 3], 150)).toBe(3);
    expect(percentile([1, 2, 3], -5)).toBe(1);
    expect(median([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toBe(2);
  });

  it("answers NaN for an empty series rather than a made-up number", () => {
    expect(median([])).toBeNaN();
    expect(percentile([], 95)).toBeNaN();
    expect(summarize([])).toMatchObject({ count: 0, median: Number.NaN, p95: Number.NaN, mean: Number.NaN });
  });

  it("summarizes count, min, median, p95, max and mean", () => {
    const summary = summarize([3, 1, 2, 4]);
    expect(summary).toMatchObject({ count: 4, min: 1, median: 2.5, max: 4, mean: 2.5 });
    expect(summary.p95).toBeCloseTo(3.85, 10);
  });

  it("ratio refuses a zero or missing denominator", () => {
    expect(ratio(6, 3)).toBe(2);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });
});
