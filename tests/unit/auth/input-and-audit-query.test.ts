import { describe, expect, it } from "vitest";
import { athensMidnightUtc, encodeAuditCursor, readAuditQuery, toAuditFilters } from "@/lib/auth/audit-query";
import { newUserBodySchema, userFields, userPatchBodySchema } from "@/lib/auth/input";
import { ValidationFailure } from "@/lib/domain/errors";
import { parseOrFail } from "@/lib/validation/parse";

function errorsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailure) return error.errors;
    throw error;
  }
  return [];
}

describe("user input", () => {
  it("accepts a well-formed new user and normalises nothing but whitespace", () => {
    const body = parseOrFail(newUserBodySchema, { email: " clerk@example.gr ", name: " Μαρία ", role: "clerk", password: "long enough password" }, "el", userFields);
    expect(body).toEqual({ email: "clerk@example.gr", name: "Μαρία", role: "clerk", password: "long enough password" });
  });

  it("names each bad field in the caller's language", () => {
    const errors = errorsOf(() => parseOrFail(newUserBodySchema, { email: "nope", name: "", role: "root", password: "short" }, "en", userFields));
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["email", "invalid_email"], ["name", "required"], ["role", "invalid_role"], ["password", "password_length"],
    ]);
    expect(errors.find((e) => e.path === "password")?.message).toBe("Password: must have 12 to 256 characters");
  });

  it("refuses a common password, also when padded to the length", () => {
    const errors = errorsOf(() => parseOrFail(newUserBodySchema, { email: "a@example.gr", name: "A", role: "viewer", password: "password2024!!" }, "en", userFields));
    expect(errors.map((e) => [e.path, e.code])).toEqual([["password", "password_common"]]);
    expect(errors[0]?.message).toBe("Password: is one of the most common passwords; choose one that is not easily guessed");
  });

  it("refuses unknown keys, __proto__ included, and empty patches", () => {
    const proto = JSON.parse('{"__proto__": {"role": "admin"}, "name": "x"}') as unknown;
    expect(errorsOf(() => parseOrFail(userPatchBodySchema, proto, "el", userFields)).map((e) => e.code)).toContain("unrecognized_keys");
    expect(errorsOf(() => parseOrFail(userPatchBodySchema, {}, "el", userFields)).map((e) => e.code)).toEqual(["required"]);
    expect(errorsOf(() => parseOrFail(userPatchBodySchema, { disabled: "yes" }, "el", userFields)).map((e) => e.code)).toEqual(["invalid_type"]);
  });
});

describe("audit filters", () => {
  it("turns Athens calendar days into UTC bounds across summer and winter time", () => {
    expect(athensMidnightUtc("2025-01-15")?.toISOString()).toBe("2025-01-14T22:00:00.000Z");
    expect(athensMidnightUtc("2025-07-15")?.toISOString()).toBe("2025-07-14T21:00:00.000Z");
    // 30 March 2025: clocks go forward at 03:00, midnight is still UTC+2.
    expect(athensMidnightUtc("2025-03-30")?.toISOString()).toBe("2025-03-29T22:00:00.000Z");
    expect(athensMidnightUtc("2025-02-30")).toBeUndefined();
    expect(athensMidnightUtc("yesterday")).toBeUndefined();
  });

  it("makes the end date inclusive and ignores what does not parse", () => {
    const filters = toAuditFilters(readAuditQuery(new URLSearchParams("actor=maria&action=user.&from=2025-01-01&to=2025-01-31&cursor=%%%")));
    expect(filters).toMatchObject({
      actor: "maria", action: "user.", from: "2024-12-31T22:00:00.000Z", to: "2025-01-31T22:00:00.000Z", before: undefined, limit: 50,
    });
  });

  it("round-trips the keyset cursor", () => {
    const cursor = encodeAuditCursor({ at: "2025-01-31T09:15:00.000Z", id: 42 });
    expect(toAuditFilters(readAuditQuery({ cursor })).before).toEqual({ at: "2025-01-31T09:15:00.000Z", id: 42 });
  });
});
