import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * New and reset passwords: at least PASSWORD_MIN_LENGTH characters and not one of the ~49,000
 * most common passwords (the list shipped by @zxcvbn-ts/language-common, compiled from leaked
 * password sets). Also refused: a common password with digits or symbols stuck before or after
 * it ("password2024!!", "!!dragon123456"), the usual way of stretching one to the length.
 * Compared in lower case. ADMIN_PASSWORD is checked the same way in lib/env.ts.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary["passwords-common"].map((word) => String(word).toLowerCase()));
  return common;
}

/** True when `password` is on the common list, bare or padded with digits and symbols. */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize("NFC").toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return commonPasswords().has(lower) || (core !== "" && commonPasswords().has(core));
}

export type PasswordProblem = "password_length" | "password_common";

/** What is wrong with a new password, or undefined when it may be used. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return "password_length";
  return isCommonPassword(password) ? "password_common" : undefined;
}
