import "server-only";
import type { Kysely, Migration } from "kysely";
import type { Engine } from "@/lib/db/dialect-helpers";

/**
 * What more of the provider's answer a document keeps: AADE's QR link (`erpQrCode` of the 201 or
 * of the stored body a 409 returns). Null until the provider hands it over, and for documents
 * found only in the document list, which does not carry it.
 */
export function providerAnswerMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("documents").addColumn("qr_url", "text").execute();
    },
  };
}
