import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";

describe("where sign-in may send the browser afterwards", () => {
  it.each([
    ["/transmissions?status=rejected", "/transmissions?status=rejected"],
    ["/transmissions/abc#events", "/transmissions/abc#events"],
    ["/settings/users", "/settings/users"],
    ["/credit-notes/new?from=%2F%2Fx", "/credit-notes/new?from=%2F%2Fx"],
    ["/a/../settings", "/settings"],
  ])("keeps the same-origin path %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    ["a tab between slashes", "/\t/evil.example"],
    ["a newline between slashes", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["a leading space", " /settings"],
    ["a backslash", "/\\evil.example"],
    ["a backslash after a slash", "\\/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/settings"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,hi"],
    ["a relative path", "settings"],
    ["dot segments climbing into //", "/.//evil.example"],
    ["the login page", "/login?next=/login"],
    ["the set-up page", "/setup"],
    ["an API route", "/api/auth/logout"],
    ["nothing", ""],
    ["a very long path", `/${"a".repeat(600)}`],
    ["a line separator", "/\u2028/evil.example"],
  ])("refuses %s", (_label, input) => {
    expect(safeReturnPath(input)).toBe("/");
  });

  it("refuses null and undefined", () => {
    expect(safeReturnPath(null)).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });
});
