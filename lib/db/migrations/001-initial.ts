import "server-only";
import { sql, type Kysely, type Migration } from "kysely";
import { idColumn, idColumnType, type Engine } from "@/lib/db/dialect-helpers";

/** The whole first schema: settings, drafts, the outbox (documents + attempts + events), auth, audit. */
export function initialMigration(engine: Engine): Migration {
  const id = idColumn(engine);
  const idType = idColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("issuer_profiles")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("vat", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("country_code", "text", (c) => c.notNull())
        .addColumn("city", "text", (c) => c.notNull())
        .addColumn("street", "text", (c) => c.notNull())
        .addColumn("postal_code", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("issuer_branches")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("issuer_profile_id", "text", (c) => c.notNull().references("issuer_profiles.id").onDelete("cascade"))
        .addColumn("branch_code", "integer", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("country_code", "text")
        .addColumn("city", "text")
        .addColumn("street", "text")
        .addColumn("postal_code", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("issuer_branches_profile_code_unique", ["issuer_profile_id", "branch_code"])
        .execute();
      await db.schema
        .createTable("series")
        .addColumn("id", idType, id)
        .addColumn("issuer_vat", "text", (c) => c.notNull())
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("next_number", "integer", (c) => c.notNull().defaultTo(1).check(sql`next_number >= 1`))
        .addColumn("description", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("series_issuer_code_unique", ["issuer_vat", "code"])
        .execute();
      await db.schema
        .createTable("counterparties")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("vat", "text", (c) => c.notNull())
        .addColumn("code", "text")
        .addColumn("country_code", "text", (c) => c.notNull())
        .addColumn("city", "text", (c) => c.notNull())
        .addColumn("street", "text", (c) => c.notNull())
        .addColumn("postal_code", "text", (c) => c.notNull())
        .addColumn("emails_json", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("counterparties_vat").on("counterparties").column("vat").execute();
      await db.schema.createIndex("counterparties_name").on("counterparties").column("name").execute();
      await db.schema
        .createTable("drafts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("json", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("drafts_owner_updated").on("drafts").columns(["owner", "updated_at desc"]).execute();
      await createOutbox(db, id, idType);
      await createAccessTables(db, id, idType);
    },
  };
}

type IdColumn = ReturnType<typeof idColumn>;

async function createOutbox(db: Kysely<unknown>, id: IdColumn, idType: "integer" | "bigint"): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("internal_document_id", "text", (c) => c.notNull().unique())
    .addColumn("draft_id", "text", (c) => c.unique())
    .addColumn("idempotency_key", "text", (c) => c.unique())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('compose', 'credit_existing')`))
    .addColumn("issuer_vat", "text", (c) => c.notNull())
    .addColumn("series", "text", (c) => c.notNull())
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("counterparty_name", "text")
    .addColumn("counterparty_vat", "text")
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("net_cents", "bigint")
    .addColumn("vat_cents", "bigint")
    .addColumn("gross_cents", "bigint")
    .addColumn("payload_json", "text", (c) => c.notNull())
    .addColumn("payload_sha256", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('queued', 'sending', 'accepted', 'rejected', 'unknown', 'needs_attention')`),
    )
    .addColumn("next_action", "text")
    .addColumn("attempt_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attempt_base", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("retry_step", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text")
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text")
    .addColumn("deadline_at", "text", (c) => c.notNull())
    .addColumn("mark", "text")
    .addColumn("uid", "text")
    .addColumn("authentication_code", "text")
    .addColumn("url", "text")
    .addColumn("last_error_json", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("documents_issuer_series_number_unique", ["issuer_vat", "series", "number"])
    .execute();
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on("documents").columns(columns).execute();
  await index("documents_created_keyset", ["created_at desc", "id desc"]);
  await index("documents_status_created", ["status", "created_at"]);
  await index("documents_due", ["status", "next_attempt_at"]);
  await index("documents_mark", ["mark"]);
  await index("documents_series_number", ["series", "number"]);
  await index("documents_counterparty_vat", ["counterparty_vat"]);

  await db.schema
    .createTable("attempts")
    .addColumn("id", idType, id)
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("request_sha256", "text", (c) => c.notNull())
    .addColumn("http_status", "integer")
    .addColumn("outcome", "text")
    .addColumn("latency_ms", "integer")
    .addColumn("response_body", "text")
    .addColumn("error", "text")
    .addColumn("worker_id", "text")
    .addUniqueConstraint("attempts_document_seq_unique", ["document_id", "seq"])
    .execute();
  await db.schema
    .createTable("events")
    .addColumn("id", idType, id)
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("detail_json", "text")
    .addColumn("actor", "text")
    .execute();
  await db.schema.createIndex("events_document").on("events").columns(["document_id", "id"]).execute();
}

async function createAccessTables(db: Kysely<unknown>, id: IdColumn, idType: "integer" | "bigint"): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('clerk', 'viewer', 'admin')`))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  await db.schema
    .createTable("audit_log")
    .addColumn("id", idType, id)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text")
    .addColumn("detail_json", "text")
    .addColumn("correlation_id", "text")
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").columns(["at desc", "id desc"]).execute();
}
