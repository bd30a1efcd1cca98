import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/audit/audit";
import { normalizeEmail } from "@/lib/auth/input";
import { hashPassword } from "@/lib/auth/password";
import type { AuthUser, Role } from "@/lib/auth/roles";
import { endSessionsOfUser } from "@/lib/auth/session";
import {
  countActiveAdmins,
  countUsers,
  findUserById,
  insertUser,
  updateUser,
  type UserRow,
} from "@/lib/db/auth-queries";
import { engineOf, isUniqueViolation } from "@/lib/db/dialect-helpers";
import type { Db } from "@/lib/db/schema";
import { AppError } from "@/lib/domain/errors";

/** A user as the API and the admin page show it. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export function toUserView(row: UserRow): UserView {
  return { id: row.id, email: row.email, name: row.name, role: row.role, disabled: Number(row.disabled) !== 0, createdAt: row.created_at };
}

/** A change refused for a reason the admin should read: the e-mail is taken, the last admin would go, or no such user. */
export class UserChangeRefused extends AppError {
  override name = "UserChangeRefused";
  constructor(code: "email_taken" | "last_admin" | "not_found") {
    super(code, code === "not_found" ? { subject: "user" } : {});
  }
}

/** Adds a user (admin action), audited in the same transaction. */
export async function createUser(
  db: Db,
  params: { actor: AuthUser; email: string; name: string; role: Role; password: string; correlationId: string },
  now: Date = new Date(),
): Promise<UserView> {
  const email = normalizeEmail(params.email);
  const row = {
    id: randomUUID(),
    email,
    name: params.name,
    role: params.role,
    password_hash: await hashPassword(params.password),
    disabled: 0,
    created_at: now.toISOString(),
  };
  try {
    await db.transaction().execute(async (tx) => {
      await insertUser(tx, row);
      await recordAudit(tx, {
        actor: params.actor, action: AUDIT_ACTIONS.userCreate, target: email,
        detail: { role: params.role, name: params.name }, correlationId: params.correlationId,
      }, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserChangeRefused("email_taken");
    throw error;
  }
  return toUserView(row);
}

export interface UserPatch {
  name?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
}

/**
 * Re-roles, renames, disables/enables a user or sets a new password (admin action). Disabling
 * or a new password ends that user's sessions (the acting admin keeps their own); no change may
 * leave the dashboard without an enabled admin.
 */
export async function changeUser(
  db: Db,
  params: { actor: AuthUser; actorToken: string; id: string; patch: UserPatch; correlationId: string; secret: string },
  now: Date = new Date(),
): Promise<UserView> {
  const passwordHash = params.patch.password === undefined ? undefined : await hashPassword(params.patch.password);
  return db.transaction().execute(async (tx) => {
    if (engineOf(db) === "postgres") await sql`lock table users in share row exclusive mode`.execute(tx);
    const existing = await findUserById(tx, { id: params.id });
    if (existing === undefined) throw new UserChangeRefused("not_found");
    const { name, role, disabled } = params.patch;
    const losesAdmin = existing.role === "admin" && Number(existing.disabled) === 0 && ((role !== undefined && role !== "admin") || disabled === true);
    if (losesAdmin && (await countActiveAdmins(tx, { excludingId: existing.id })) === 0) throw new UserChangeRefused("last_admin");
    const patch: Parameters<typeof updateUser>[1]["patch"] = {};
    const changed: Record<string, unknown> = {};
    if (name !== undefined && name !== existing.name) patch.name = changed.name = name;
    if (role !== undefined && role !== existing.role) patch.role = changed.role = role;
    if (disabled !== undefined && disabled !== (Number(existing.disabled) !== 0)) {
      patch.disabled = disabled ? 1 : 0;
      changed.disabled = disabled;
    }
    if (passwordHash !== undefined) {
      patch.password_hash = passwordHash;
      changed.passwordReset = true;
    }
    await updateUser(tx, { id: existing.id, patch });
    if (patch.disabled === 1 || passwordHash !== undefined) {
      await endSessionsOfUser(tx, { userId: existing.id, exceptToken: existing.id === params.actor.id ? params.actorToken : undefined }, params);
    }
    if (Object.keys(changed).length > 0) {
      await recordAudit(tx, {
        actor: params.actor, action: AUDIT_ACTIONS.userUpdate, target: existing.email, detail: changed, correlationId: params.correlationId,
      }, now);
    }
    return toUserView({ ...existing, ...patch });
  });
}

/**
 * First-run set-up: creates the first admin, only while there is no user at all. Two browsers
 * racing get one admin: on PostgreSQL the table is locked for the check, on SQLite every write
 * transaction already holds the database's one write lock from its start.
 */
export async function createFirstAdmin(
  db: Db,
  params: { email: string; name: string; password: string; correlationId: string },
  now: Date = new Date(),
): Promise<UserView | undefined> {
  const email = normalizeEmail(params.email);
  const passwordHash = await hashPassword(params.password);
  return db.transaction().execute(async (tx) => {
    if (engineOf(db) === "postgres") await sql`lock table users in share row exclusive mode`.execute(tx);
    if ((await countUsers(tx)) > 0) return undefined;
    const row = { id: randomUUID(), email, name: params.name, role: "admin" as const, password_hash: passwordHash, disabled: 0, created_at: now.toISOString() };
    await insertUser(tx, row);
    await recordAudit(tx, { actor: email, action: AUDIT_ACTIONS.setup, target: email, correlationId: params.correlationId }, now);
    return toUserView(row);
  });
}

/** True when no user exists yet (the first-run page is open). */
export async function isFirstRun(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}
