import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordProblem, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { parseEnv } from "@/lib/env";

const CASES: Array<[string, ReturnType<typeof passwordProblem>]> = [
  ["e2e-admin-password-1", undefined],
  ["correct horse battery staple", undefined],
  ["Ωραίος-κωδικός-2025", undefined],
  ["eleven-char", "password_length"],
  ["short", "password_length"],
  ["123qweasdzxc", "password_common"],
  ["1q2w3e4r5t6y", "password_common"],
  ["QWERTYUIOP123", "password_common"],
  ["password2024!!", "password_common"],
  ["!!dragon123456", "password_common"],
  ["iloveyou12345", "password_common"],
];

describe("password policy", () => {
  it("asks for at least 12 characters", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
  });

  it.each(CASES)("judges %j as %s", (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it("knows the shipped list's most common entries", () => {
    for (const word of ["123456", "password", "qwerty", "letmein", "dragon"]) expect(isCommonPassword(word)).toBe(true);
  });

  it.each(CASES)("agrees with the ADMIN_PASSWORD check of the configuration for %j", (password, problem) => {
    const parse = () => parseEnv({ ADMIN_EMAIL: "admin@example.gr", ADMIN_PASSWORD: password });
    if (problem === undefined) expect(parse).not.toThrow();
    else expect(parse).toThrow(/ADMIN_PASSWORD/);
  });
});
