import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { redactText } from "@/lib/auth/redact";
import { loadOrCreateSecretFile, SESSION_SECRET_FILE } from "@/lib/auth/session-secret";

const KEY = "canary-0123456789abcdef";

describe("log redaction", () => {
  it.each([
    [`provider answered 401 for key ${KEY}`, `provider answered 401 for key [redacted]`],
    [`GET /x?k=${encodeURIComponent(`${KEY}/+`)}`, "GET /x?k=[redacted]"],
    ["Cookie: cd_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; locale=el", "Cookie: [redacted]; locale=el"],
    ["set-cookie=cd_session=abc", "set-cookie=[redacted]"],
    ["sent cd_session=abcdef to the client", "sent cd_session=[redacted] to the client"],
    ['{"APIKey":"whatever","ok":1}', '{"APIKey":"[redacted]","ok":1}'],
    ['{"password":"hunter22","email":"a@b.gr"}', '{"password":"[redacted]","email":"a@b.gr"}'],
    ["Authorization: Bearer eyJhbGciOi.abc.def", "Authorization: [redacted]"],
    ["token Bearer eyJhbGciOi.abc.def here", "token Bearer [redacted] here"],
  ])("%s", (input, expected) => {
    expect(redactText(input, [`${KEY}/+`, KEY])).toBe(expected);
  });

  it("leaves ordinary text alone", () => {
    expect(redactText("validation failed on lines.0.unitPrice", [KEY])).toBe("validation failed on lines.0.unitPrice");
  });
});

describe("session secret kept under data/", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("is generated once (256 bits, owner-only) and read back on every later start", () => {
    dir = mkdtempSync(join(tmpdir(), "credit-desk-secret-"));
    const first = loadOrCreateSecretFile(dir);
    expect(Buffer.from(first, "base64url")).toHaveLength(32);
    expect(statSync(join(dir, SESSION_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecretFile(dir)).toBe(first);
    expect(readFileSync(join(dir, SESSION_SECRET_FILE), "utf8").trim()).toBe(first);
  });

  it("refuses a file that holds no usable secret instead of using it", () => {
    dir = mkdtempSync(join(tmpdir(), "credit-desk-secret-"));
    writeFileSync(join(dir, SESSION_SECRET_FILE), "short\n");
    expect(() => loadOrCreateSecretFile(dir ?? "")).toThrow(/no usable session secret/);
  });

  it("creates the folder when it is missing", () => {
    dir = mkdtempSync(join(tmpdir(), "credit-desk-secret-"));
    expect(loadOrCreateSecretFile(join(dir, "nested", "data"))).toHaveLength(43);
  });
});
