import "server-only";
import type { Kysely, Migration } from "kysely";
import type { Engine } from "@/lib/db/dialect-helpers";

/**
 * The provider's availability as each send worker sees it, so that the dashboard shows it
 * whichever process the worker runs in: one row per worker whose circuit is open (the provider
 * stopped connecting at `unreachable_since`), refreshed by every probe (`checked_at`) and removed
 * when the provider answers again or the worker stops.
 */
export function providerCircuitMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("provider_circuit")
        .addColumn("worker_id", "text", (c) => c.primaryKey())
        .addColumn("unreachable_since", "text", (c) => c.notNull())
        .addColumn("checked_at", "text", (c) => c.notNull())
        .execute();
    },
  };
}
