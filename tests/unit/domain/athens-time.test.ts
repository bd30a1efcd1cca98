import { describe, expect, it } from "vitest";
import { athensDateOf, formatAthensDateTime } from "@/lib/domain/athens-time";

describe("formatAthensDateTime", () => {
  it.each([
    ["2023-03-23T22:00:00Z", "2023-03-24T00:00:00", "winter time, UTC+2"],
    ["2024-07-01T21:30:00Z", "2024-07-02T00:30:00", "summer time, UTC+3, the day after in Athens"],
    ["2024-01-01T21:59:59Z", "2024-01-01T23:59:59", "last second of the day in winter"],
    ["2024-03-31T00:59:59Z", "2024-03-31T02:59:59", "just before the spring change"],
    ["2024-03-31T01:00:00Z", "2024-03-31T04:00:00", "spring change: 03:00 is skipped"],
    ["2024-10-27T00:30:00Z", "2024-10-27T03:30:00", "autumn change, first 03:30 (EEST)"],
    ["2024-10-27T01:30:00Z", "2024-10-27T03:30:00", "autumn change, second 03:30 (EET)"],
    ["2024-02-29T10:00:00.999Z", "2024-02-29T12:00:00", "leap day, milliseconds dropped"],
  ])("%s → %s (%s)", (utc, athens) => {
    expect(formatAthensDateTime(new Date(utc))).toBe(athens);
  });

  it("midnight is 00, never 24", () => {
    expect(formatAthensDateTime(new Date("2024-05-31T21:00:00Z"))).toBe("2024-06-01T00:00:00");
  });

  it("refuses an invalid date", () => {
    expect(() => formatAthensDateTime(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("athensDateOf", () => {
  it.each([
    ["2024-12-31T22:30:00Z", "2025-01-01"],
    ["2024-12-31T21:59:59Z", "2024-12-31"],
    ["2024-06-30T21:00:00Z", "2024-07-01"],
    ["2024-06-30T20:59:59Z", "2024-06-30"],
  ])("%s → %s", (utc, date) => {
    expect(athensDateOf(new Date(utc))).toBe(date);
  });
});
