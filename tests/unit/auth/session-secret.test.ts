import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadOrCreateSecretFile, SESSION_SECRET_FILE } from "@/lib/auth/session-secret";

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
