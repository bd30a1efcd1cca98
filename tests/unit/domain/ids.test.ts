import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { isUuid, numericIdOf, uuidOf } from "@/lib/domain/ids";

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? { code: error.code, params: error.params } : error;
  }
  return undefined;
}

describe("path ids", () => {
  it("reads a UUID of any version or case, lower-cased", () => {
    expect(uuidOf("3F2504E0-4F89-11D3-9A0C-0305E82C3301", "document")).toBe("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    expect(isUuid("00000000-0000-4000-8000-000000000000")).toBe(true);
  });

  it.each(["", "nope", "3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c33011", "../../etc/passwd", "3f2504e0 4f89 11d3 9a0c 0305e82c3301", "%00"])(
    "answers %j as not found",
    (raw) => {
      expect(isUuid(raw)).toBe(false);
      expect(codeOf(() => uuidOf(raw, "draft"))).toEqual({ code: "not_found", params: { subject: "draft" } });
    },
  );

  it("reads a numeric id of up to 15 digits, else not found", () => {
    expect(numericIdOf("42", "series")).toBe(42);
    for (const raw of ["", "-1", "1.5", "1e3", "0x10", "1234567890123456"]) {
      expect(codeOf(() => numericIdOf(raw, "series")), raw).toEqual({ code: "not_found", params: { subject: "series" } });
    }
  });
});
