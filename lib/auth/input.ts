import "server-only";
import { z } from "zod";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/auth/roles";
import { ValidationFailure } from "@/lib/http/errors";
import { authT } from "@/lib/i18n/auth-messages";
import type { Locale } from "@/lib/i18n/locale";
import { codeOfDefaultIssue, messageOfCode, type FieldError } from "@/lib/validation/errors";

/** Request bodies of the sign-in and user endpoints. Messages are error codes. */

const email = z.string().trim().max(254, "too_long").pipe(z.email("invalid_email"));
const name = z.string().trim().min(1, "required").max(100, "too_long");
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "password_length")
  .max(PASSWORD_MAX_LENGTH, "password_length")
  // Only once the length is right, so a short password gets one message, not two.
  .refine((value) => value.length < PASSWORD_MIN_LENGTH || !isCommonPassword(value), "password_common");
const role = z.enum(ROLES, "invalid_role");

export const loginBodySchema = z.object({
  email: z.string().max(320, "too_long"),
  password: z.string().max(1024, "too_long"),
});

export const setupBodySchema = z.strictObject({ email, name, password, token: z.string().max(200) });

export const newUserBodySchema = z.strictObject({ email, name, role, password });

export const userPatchBodySchema = z
  .strictObject({ name: name.optional(), role: role.optional(), disabled: z.boolean().optional(), password: password.optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "required" });

const labels: Record<string, Record<Locale, string>> = {
  email: { el: "E-mail", en: "E-mail" },
  name: { el: "Όνομα", en: "Name" },
  role: { el: "Ρόλος", en: "Role" },
  password: { el: "Κωδικός", en: "Password" },
  disabled: { el: "Κατάσταση", en: "Status" },
};

function messageOf(code: string, locale: Locale): string {
  if (code === "password_length") return authT("users.password_length", locale, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  if (code === "password_common") return authT("users.password_common", locale);
  if (code === "invalid_role") return locale === "el" ? "άγνωστος ρόλος" : "unknown role";
  if (code === "unrecognized_keys") return locale === "el" ? "άγνωστο πεδίο" : "unknown field";
  return messageOfCode(code, locale);
}

/** Parses a body or throws a 422 with one error per field, in the caller's language. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, locale: Locale): T {
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.slice(0, 20).map((issue) => {
    // Our schemas put codes in `message`; zod's own messages are sentences.
    const isOwnCode = /^[a-z_]+$/.test(issue.message);
    const code = issue.code === "unrecognized_keys" ? "unrecognized_keys" : isOwnCode ? issue.message : codeOfDefaultIssue(issue);
    const path = issue.code === "unrecognized_keys" ? String(issue.keys[0] ?? "") : issue.path.map(String).join(".");
    const label = labels[path]?.[locale] ?? (path === "" ? authT("auth.invalid_input", locale) : path.slice(0, 50));
    return { path, code, message: `${label}: ${messageOf(code, locale)}` };
  });
  throw new ValidationFailure(errors);
}

/** E-mails are compared trimmed and in lower case. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}
