import "server-only";
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "@/lib/db/dialect-helpers";

/**
 * Idempotency keys and draft ids belong to the user who issued with them.
 *
 * `documents.owner_id` is the id of the user whose request created the document (null for
 * documents written without one: seeds, older rows whose author cannot be found);
 * `documents.request_sha256` is the SHA-256 of the validated request it was created from, so
 * the same key with a different request is told apart from a retry. Stored idempotency keys
 * become `<owner id>:<key>` (lib/sending/outbox.ts), so one user's key never finds another
 * user's document; existing keys are rewritten the same way when their author is known.
 */
export function requestOwnerMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("documents").addColumn("owner_id", "text").execute();
      await db.schema.alterTable("documents").addColumn("request_sha256", "text").execute();
      await sql`UPDATE documents SET owner_id = (SELECT users.id FROM users WHERE users.email = documents.created_by OR users.id = documents.created_by LIMIT 1)`.execute(db);
      await sql`UPDATE documents SET idempotency_key = owner_id || ':' || idempotency_key WHERE idempotency_key IS NOT NULL AND owner_id IS NOT NULL`.execute(db);
      await db.schema.createIndex("documents_owner_draft").on("documents").columns(["owner_id", "draft_id"]).execute();
    },
  };
}
