import "server-only";
import { sql, type Kysely, type Migration } from "kysely";
import { idColumn, idColumnType, type Engine } from "@/lib/db/dialect-helpers";

/**
 * What has been credited against each original document, so that no invoice is credited twice.
 *
 * `credit_ledger` holds one row per original MARK of an issuer: what identifies it (series, number,
 * type, date, counterparty, code — so our history knows every invoice it credited even when the
 * provider's list cannot be read), its totals and the gross credited so far; a credit reserves its amount with one conditional `UPDATE … WHERE credited +
 * amount <= original` inside the transaction that takes its series number, so two clerks crediting
 * the same invoice at the same moment queue on that row and the second sees the first's amount.
 * `credit_allocations` keeps one row per credit document (amounts, chosen lines, an admin's
 * override reason); a rejected credit that is closed out releases its row (released_at), never
 * its number. `documents` gains the close-out of a rejected or needs-attention entry: who, when, why.
 */
export function creditLedgerMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("credit_ledger")
        .addColumn("issuer_vat", "text", (c) => c.notNull())
        .addColumn("original_mark", "text", (c) => c.notNull())
        .addColumn("original_series", "text", (c) => c.notNull())
        .addColumn("original_number", "text", (c) => c.notNull())
        .addColumn("original_type", "text", (c) => c.notNull())
        .addColumn("original_issued_at", "text", (c) => c.notNull())
        .addColumn("original_counterparty_vat", "text")
        .addColumn("original_authentication_code", "text")
        .addColumn("original_net_cents", "integer", (c) => c.notNull())
        .addColumn("original_vat_cents", "integer", (c) => c.notNull())
        .addColumn("original_gross_cents", "integer", (c) => c.notNull())
        .addColumn("credited_gross_cents", "integer", (c) => c.notNull().defaultTo(0).check(sql`credited_gross_cents >= 0`))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("credit_ledger_pk", ["issuer_vat", "original_mark"])
        .execute();
      await db.schema
        .createTable("credit_allocations")
        .addColumn("id", idColumnType(engine), idColumn(engine))
        .addColumn("document_id", "text", (c) => c.notNull().unique())
        .addColumn("issuer_vat", "text", (c) => c.notNull())
        .addColumn("original_mark", "text", (c) => c.notNull())
        .addColumn("net_cents", "integer", (c) => c.notNull())
        .addColumn("vat_cents", "integer", (c) => c.notNull())
        .addColumn("gross_cents", "integer", (c) => c.notNull())
        .addColumn("lines_json", "text")
        .addColumn("override_reason", "text")
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("released_at", "text")
        .execute();
      await db.schema.createIndex("credit_allocations_original").on("credit_allocations").columns(["issuer_vat", "original_mark"]).execute();
      await db.schema.alterTable("documents").addColumn("closed_at", "text").execute();
      await db.schema.alterTable("documents").addColumn("closed_by", "text").execute();
      await db.schema.alterTable("documents").addColumn("close_reason", "text").execute();
    },
  };
}
