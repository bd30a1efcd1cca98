import "server-only";
import type { Kysely, Migration } from "kysely";
import { idColumn, idColumnType, type Engine } from "@/lib/db/dialect-helpers";

/**
 * Sign-in support: failed sign-ins kept in the database (so that the rate limit holds across
 * instances), and indexes for the audit view's filters.
 */
export function authMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("login_failures")
        .addColumn("id", idColumnType(engine), idColumn(engine))
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("login_failures_key_at").on("login_failures").columns(["key", "at"]).execute();
      await db.schema.createIndex("login_failures_at").on("login_failures").column("at").execute();
      await db.schema.createIndex("audit_log_actor_at").on("audit_log").columns(["actor", "at"]).execute();
      await db.schema.createIndex("audit_log_action_at").on("audit_log").columns(["action", "at"]).execute();
      await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();
    },
  };
}
