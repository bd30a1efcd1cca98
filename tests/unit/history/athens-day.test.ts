import { describe, expect, it } from "vitest";
import { athensDayOf, athensDayStart, isCalendarDay, nextDay } from "@/lib/history/athens-day";

describe("Athens calendar days as instants", () => {
  it.each([
    ["2025-01-15", "2025-01-14T22:00:00.000Z"],
    ["2025-07-01", "2025-06-30T21:00:00.000Z"],
    // The days the clocks change (03:00 → 04:00 in March, 04:00 → 03:00 in October) still start at 00:00 local.
    ["2025-03-30", "2025-03-29T22:00:00.000Z"],
    ["2025-03-31", "2025-03-30T21:00:00.000Z"],
    ["2025-10-26", "2025-10-25T21:00:00.000Z"],
    ["2025-10-27", "2025-10-26T22:00:00.000Z"],
  ])("%s starts at %s", (day, instant) => {
    expect(athensDayStart(day)).toBe(instant);
    expect(athensDayOf(new Date(instant))).toBe(day);
  });

  it("steps to the next day across months and leap days", () => {
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2024-02-29")).toBe("2024-03-01");
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
  });

  it("accepts only real calendar days", () => {
    expect(["2025-02-28", "2024-02-29"].every(isCalendarDay)).toBe(true);
    expect(["2025-02-29", "2025-13-01", "25-01-01", "2025-1-1", "yesterday"].some(isCalendarDay)).toBe(false);
    expect(() => athensDayStart("2025-02-30")).toThrow(RangeError);
  });
});
