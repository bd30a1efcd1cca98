import "server-only";
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "@/lib/db/dialect-helpers";

/**
 * Sign-in attempts, and append-only history.
 *
 * `login_attempts` gets one row per sign-in attempt the throttle let through, written (with the
 * limit checked) before the password is verified; `login_attempt_results` gets one row when the
 * verification is over. Nothing is ever updated, so a burst of parallel guesses cannot slip past
 * the limit between "count" and "record". They replace `login_failures`, whose rows were deleted
 * on success and therefore could not be append-only.
 *
 * `audit_log`, `login_attempts` and `login_attempt_results` refuse UPDATE and DELETE with a
 * trigger on both engines. The one exception: attempt rows older than ATTEMPT_RETENTION_DAYS may
 * be deleted (pruning); the audit log may never be.
 */
export const ATTEMPT_RETENTION_DAYS = 90;

const ATTEMPT_TABLES = ["login_attempts", "login_attempt_results"] as const;

async function createAttemptTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempts_account_at").on("login_attempts").columns(["account", "at"]).execute();
  await db.schema.createIndex("login_attempts_address_at").on("login_attempts").columns(["address", "at"]).execute();
  await db.schema.createIndex("login_attempts_at").on("login_attempts").column("at").execute();
  await db.schema
    .createTable("login_attempt_results")
    .addColumn("attempt_id", "text", (c) => c.primaryKey())
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_attempt_results_account")
    .on("login_attempt_results")
    .columns(["account", "succeeded", "address", "at"])
    .execute();
  await db.schema.createIndex("login_attempt_results_at").on("login_attempt_results").column("at").execute();
  await db.schema.dropTable("login_failures").ifExists().execute();
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const refuse = (table: string, verb: "update" | "delete", when = "") =>
    sql.raw(
      `create trigger ${table}_no_${verb} before ${verb} on ${table} ${when} ` +
        `begin select raise(abort, '${table} is append-only'); end`,
    ).execute(db);
  await refuse("audit_log", "update");
  await refuse("audit_log", "delete");
  for (const table of ATTEMPT_TABLES) {
    await refuse(table, "update");
    await refuse(table, "delete", `when old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${ATTEMPT_RETENTION_DAYS} days')`);
  }
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = 'P0001';
    end $$`.execute(db);
  await sql.raw(`
    create function refuse_change_unless_expired() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and old.at <= to_char((now() at time zone 'utc') - interval '${ATTEMPT_RETENTION_DAYS} days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') then
        return old;
      end if;
      raise exception '% is append-only', tg_table_name using errcode = 'P0001';
    end $$`).execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function refuse_change()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function refuse_change()`.execute(db);
  for (const table of ATTEMPT_TABLES) {
    await sql.raw(`create trigger ${table}_append_only before update or delete on ${table} for each row execute function refuse_change_unless_expired()`).execute(db);
    await sql.raw(`create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function refuse_change()`).execute(db);
  }
}

export function appendOnlyMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await createAttemptTables(db);
      if (engine === "postgres") await postgresTriggers(db);
      else await sqliteTriggers(db);
    },
  };
}
