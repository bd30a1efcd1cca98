import "server-only";
import { sql } from "kysely";
import { escapeLike, engineOf, likeOperator } from "@/lib/db/dialect-helpers";
import type { AuditLogTable, Db, SessionsTable, UsersTable } from "@/lib/db/schema";

/**
 * Queries of sign-in, users, sessions and the audit log: small verb-named functions taking the
 * handle and a params object. They never read the session themselves.
 */

/** Sign-in attempts and their results, append-only (migration 007). */
interface LoginAttemptsTable {
  id: string;
  account: string;
  address: string;
  at: string;
}

interface LoginAttemptResultsTable {
  attempt_id: string;
  account: string;
  address: string;
  succeeded: number;
  at: string;
}

function withAuthTables(db: Db) {
  return db.withTables<{ login_attempts: LoginAttemptsTable; login_attempt_results: LoginAttemptResultsTable }>();
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

/**
 * Serialises sign-in attempts on the same account or address until the transaction ends. On
 * SQLite every transaction already holds the database's write lock from BEGIN (IMMEDIATE); on
 * PostgreSQL a transaction-scoped advisory lock per key, taken in sorted order so two attempts
 * can never wait on each other.
 */
export async function lockLoginKeys(tx: Db, params: { keys: string[] }): Promise<void> {
  if (engineOf(tx) !== "postgres") return;
  for (const key of [...new Set(params.keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`login:${key}`}, 0))`.execute(tx);
  }
}

export async function insertLoginAttempt(db: Db, row: LoginAttemptsTable): Promise<void> {
  await withAuthTables(db).insertInto("login_attempts").values(row).execute();
}

export async function insertLoginAttemptResult(db: Db, row: LoginAttemptResultsTable): Promise<void> {
  await withAuthTables(db).insertInto("login_attempt_results").values(row).execute();
}

/** When `account` last signed in successfully (from `address`, when given), or undefined. */
export async function findLastLoginSuccess(db: Db, params: { account: string; address?: string; since?: string }): Promise<string | undefined> {
  let query = withAuthTables(db)
    .selectFrom("login_attempt_results")
    .select((eb) => eb.fn.max("at").as("at"))
    .where("account", "=", params.account)
    .where("succeeded", "=", 1);
  if (params.address !== undefined) query = query.where("address", "=", params.address);
  if (params.since !== undefined) query = query.where("at", ">", params.since);
  const row = await query.executeTakeFirst();
  return row?.at ?? undefined;
}

/**
 * Attempts after `since` that have not succeeded — failed, or still being verified — for an
 * account (optionally only from one address) or for an address: how many, and the newest time.
 */
export async function countUnsuccessfulLoginAttempts(
  db: Db,
  params: { account?: string; address?: string; since: string },
): Promise<{ count: number; newestAt: string | undefined }> {
  let query = withAuthTables(db)
    .selectFrom("login_attempts as a")
    .leftJoin("login_attempt_results as r", "r.attempt_id", "a.id")
    .select((eb) => [eb.fn.countAll<number | string>().as("n"), eb.fn.max("a.at").as("newest")])
    .where("a.at", ">", params.since)
    .where((eb) => eb.or([eb("r.succeeded", "is", null), eb("r.succeeded", "=", 0)]));
  if (params.account !== undefined) query = query.where("a.account", "=", params.account);
  if (params.address !== undefined) query = query.where("a.address", "=", params.address);
  const row = await query.executeTakeFirst();
  return { count: Number(row?.n ?? 0), newestAt: row?.newest ?? undefined };
}

/**
 * Removes attempts and results older than `before`. The append-only triggers let through only
 * rows past the retention (migration 007), so `before` must be at least that old.
 */
export async function pruneLoginAttempts(db: Db, params: { before: string }): Promise<void> {
  await withAuthTables(db).deleteFrom("login_attempt_results").where("at", "<", params.before).execute();
  await withAuthTables(db).deleteFrom("login_attempts").where("at", "<", params.before).execute();
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
