/** Who may do what: viewer < clerk < admin; each role can do everything of the roles below it. */
export const ROLES = ["viewer", "clerk", "admin"] as const;

export type Role = (typeof ROLES)[number];

/** The signed-in staff member as every handler and page sees it (never the password hash). */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** True when `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when a user of role `role` may use something that needs at least `minimum`. */
export function hasRole(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
