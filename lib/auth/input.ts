import "server-only";
import { z } from "zod";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/auth/roles";
import type { FieldErrorOptions } from "@/lib/validation/errors";

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

/** How the user bodies' field errors are worded (parseOrFail's options): a user's "name" is a person's name. */
export const userFields: FieldErrorOptions = {
  labels: {
    email: { el: "E-mail", en: "E-mail" },
    name: { el: "Όνομα", en: "Name" },
    role: { el: "Ρόλος", en: "Role" },
    password: { el: "Κωδικός", en: "Password" },
    disabled: { el: "Κατάσταση", en: "Status" },
  },
  params: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
};

/** E-mails are compared trimmed and in lower case. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}
