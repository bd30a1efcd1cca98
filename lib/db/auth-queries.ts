import "server-only";
import { sql, type Generated } from "kysely";
import { escapeLike, engineOf, likeOperator } from "@/lib/db/dialect-helpers";
import type { AuditLogTable, Db, SessionsTable, UsersTable } from "@/lib/db/schema";

/**
 * Queries of sign-in, users, sessions and the audit log: small verb-named functions taking the
 * handle and a params object. They never read the session themselves.
 */

/** Failed sign-ins, one row each; keyed `account:<email>` or `address:<ip>` (migration 002). */
interface LoginFailuresTable {
  id: Generated<number>;
  key: string;
  at: string;
}

function withAuthTables(db: Db) {
  return db.withTables<{ login_failures: LoginFailuresTable }>();
}

export type UserRow = Omit<UsersTable, "password_hash">;
export type UserWithHash = UsersTable;

const userColumns = ["id", "email", "name", "role", "disabled", "created_at"] as const;

export async function findUserByEmail(db: Db, params: { email: string }): Promise<UserWithHash | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", params.email).executeTakeFirst();
}

export async function findUserById(db: Db, params: { id: string }): Promise<UserWithHash | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", params.id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom("users").select(userColumns).orderBy("email").execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Enabled admins, optionally not counting one user (the one about to change). */
export async function countActiveAdmins(db: Db, params: { excludingId?: string } = {}): Promise<number> {
  let query = db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("role", "=", "admin")
    .where("disabled", "=", 0);
  if (params.excludingId !== undefined) query = query.where("id", "<>", params.excludingId);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertUser(db: Db, row: UsersTable): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

export async function updateUser(
  db: Db,
  params: { id: string; patch: Partial<Pick<UsersTable, "name" | "role" | "disabled" | "password_hash">> },
): Promise<void> {
  if (Object.keys(params.patch).length === 0) return;
  await db.updateTable("users").set(params.patch).where("id", "=", params.id).execute();
}

export async function insertSession(db: Db, row: SessionsTable): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

/** A session with the user it belongs to. */
export interface SessionWithUser extends SessionsTable {
  email: string;
  name: string;
  role: UsersTable["role"];
  disabled: number;
}

export async function findSessionWithUser(db: Db, params: { id: string }): Promise<SessionWithUser | undefined> {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id", "sessions.user_id", "sessions.created_at", "sessions.last_seen_at", "sessions.expires_at",
      "users.email", "users.name", "users.role", "users.disabled",
    ])
    .where("sessions.id", "=", params.id)
    .executeTakeFirst();
}

export async function touchSession(db: Db, params: { id: string; at: string }): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: params.at }).where("id", "=", params.id).execute();
}

export async function deleteSession(db: Db, params: { id: string }): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", params.id).execute();
}

export async function deleteSessionsOfUser(db: Db, params: { userId: string; exceptId?: string }): Promise<void> {
  let query = db.deleteFrom("sessions").where("user_id", "=", params.userId);
  if (params.exceptId !== undefined) query = query.where("id", "<>", params.exceptId);
  await query.execute();
}

/** Removes sessions past their absolute expiry or idle since before `idleSince`. */
export async function deleteStaleSessions(db: Db, params: { now: string; idleSince: string }): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", params.now), eb("last_seen_at", "<", params.idleSince)]))
    .execute();
}

export async function insertLoginFailure(db: Db, params: { key: string; at: string }): Promise<void> {
  await withAuthTables(db).insertInto("login_failures").values({ key: params.key, at: params.at }).execute();
}

/** Failures of `key` after `since`, newest first, at most `limit` of their times. */
export async function listRecentLoginFailures(db: Db, params: { key: string; since: string; limit: number }): Promise<string[]> {
  const rows = await withAuthTables(db)
    .selectFrom("login_failures")
    .select("at")
    .where("key", "=", params.key)
    .where("at", ">", params.since)
    .orderBy("at", "desc")
    .limit(params.limit)
    .execute();
  return rows.map((row) => row.at);
}

export async function deleteLoginFailures(db: Db, params: { key: string }): Promise<void> {
  await withAuthTables(db).deleteFrom("login_failures").where("key", "=", params.key).execute();
}

export async function pruneLoginFailures(db: Db, params: { before: string }): Promise<void> {
  await withAuthTables(db).deleteFrom("login_failures").where("at", "<=", params.before).execute();
}

export async function insertAuditEntry(db: Db, row: Omit<AuditLogTable, "id">): Promise<void> {
  await db.insertInto("audit_log").values(row).execute();
}

export interface AuditEntryRow extends Omit<AuditLogTable, "id"> {
  id: number;
}

export interface AuditFilters {
  /** Part of the actor (case-insensitive). */
  actor?: string;
  /** An exact action, or a prefix ending in "." (`user.` matches every user change). */
  action?: string;
  /** ISO UTC bounds: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  /** Keyset cursor: entries strictly older than this one. */
  before?: { at: string; id: number };
  limit: number;
}

/** Audit entries, newest first, filtered and paged by keyset. */
export async function listAuditEntries(db: Db, filters: AuditFilters): Promise<AuditEntryRow[]> {
  let query = db.selectFrom("audit_log").selectAll();
  if (filters.actor !== undefined && filters.actor !== "") {
    const operator = sql.raw(likeOperator(engineOf(db)));
    const pattern = `%${escapeLike(filters.actor)}%`;
    query = query.where(sql<boolean>`coalesce(actor, '') ${operator} ${pattern} escape '\\'`);
  }
  if (filters.action !== undefined && filters.action !== "") {
    const pattern = `${escapeLike(filters.action)}%`;
    query = filters.action.endsWith(".")
      ? query.where(sql<boolean>`action like ${pattern} escape '\\'`)
      : query.where("action", "=", filters.action);
  }
  if (filters.from !== undefined) query = query.where("at", ">=", filters.from);
  if (filters.to !== undefined) query = query.where("at", "<", filters.to);
  const before = filters.before;
  if (before !== undefined) {
    query = query.where((eb) => eb.or([eb("at", "<", before.at), eb.and([eb("at", "=", before.at), eb("id", "<", before.id)])]));
  }
  const rows = await query.orderBy("at", "desc").orderBy("id", "desc").limit(filters.limit).execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The distinct actions recorded so far, for the audit view's filter. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
  return rows.map((row) => row.action);
}
