import "server-only";
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "@/lib/db/dialect-helpers";

/** Same folding as the history search: accents removed, Greek-aware lower case, final sigma as sigma. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("el").replace(/ς/g, "σ");
}

/**
 * Composing support: a folded search text on the address book (so that "φαρ" finds "ΦΑΡΔΙΑ" on
 * both engines, which LIKE alone does not do for Greek on SQLite), and each issuer profile's
 * default income classification, offered on every new line.
 */
export function composeMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("counterparties").addColumn("search_text", "text", (c) => c.notNull().defaultTo("")).execute();
      await db.schema.alterTable("issuer_profiles").addColumn("default_income_category", "text").execute();
      await db.schema.alterTable("issuer_profiles").addColumn("default_income_type", "text").execute();
      const rows = await sql<{ id: string; name: string; vat: string; code: string | null }>`select id, name, vat, code from counterparties`.execute(db);
      for (const row of rows.rows) {
        const text = fold([row.name, row.vat, row.code ?? ""].join(" "));
        await sql`update counterparties set search_text = ${text} where id = ${row.id}`.execute(db);
      }
    },
  };
}
