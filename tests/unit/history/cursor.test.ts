import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/history/cursor";

describe("history cursor", () => {
  it("round-trips any position and is URL-safe", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), fc.uuid(), (date, id) => {
        const text = encodeCursor({ createdAt: date.toISOString(), id });
        expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(text)).toEqual({ createdAt: date.toISOString(), id });
      }),
    );
  });

  it.each(["", "not base64 at all!", Buffer.from("{}").toString("base64url"), Buffer.from('["x","y"]').toString("base64url"), Buffer.from("[1,2]").toString("base64url")])(
    "refuses %j",
    (text) => {
      expect(() => decodeCursor(text)).toThrow(RangeError);
    },
  );
});
