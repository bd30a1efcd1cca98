import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

describe("password hashing (scrypt)", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("stores the scheme and the production cost N=2^15, r=8, p=1 next to a random salt", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("same password");
  });

  it("keeps working when the cost changes: each hash carries its own", async () => {
    const cheap = await hashPassword("pässwörd", { log2N: 10, r: 8, p: 1 });
    expect(cheap.startsWith("scrypt$10$8$1$")).toBe(true);
    expect(await verifyPassword("pässwörd", cheap)).toBe(true);
  });

  it("treats composed and decomposed Unicode of the same text as the same password", async () => {
    const hash = await hashPassword("Καλημέρα-κόσμε", { log2N: 10, r: 8, p: 1 });
    expect(await verifyPassword("Καλημέρα-κόσμε".normalize("NFD"), hash)).toBe(true);
  });

  it.each([
    "",
    "plain-text-password",
    "scrypt$15$8$1$c2FsdA==",
    "scrypt$99$8$1$c2FsdA==$a2V5",
    "bcrypt$10$abc$def",
    "scrypt$15$8$1$c2FsdA==$dG9vLXNob3J0",
  ])("refuses a malformed or foreign stored hash %j without throwing", async (stored) => {
    expect(await verifyPassword("anything", stored)).toBe(false);
  });

  it("spends a verification on unknown users and always says no", async () => {
    expect(await verifyAgainstDummy("not-a-real-password")).toBe(false);
  });
});
