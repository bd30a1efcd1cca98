import "server-only";
import type { Db, DraftsTable } from "@/lib/db/schema";

/**
 * Queries of the compose drafts: small verb-named functions taking the handle and a params
 * object. Every one is scoped by owner; none reads the session.
 */

export type DraftRow = DraftsTable;

/** The owner's drafts that have not been issued yet, most recently changed first. */
export async function listDrafts(db: Db, params: { owner: string; limit: number }): Promise<DraftRow[]> {
  return db
    .selectFrom("drafts")
    .selectAll("drafts")
    .where("drafts.owner", "=", params.owner)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("documents").select("documents.id").whereRef("documents.draft_id", "=", "drafts.id"))),
    )
    .orderBy("drafts.updated_at", "desc")
    .orderBy("drafts.id")
    .limit(params.limit)
    .execute();
}

/** One draft of the owner, or undefined (also when it belongs to somebody else). */
export async function findDraft(db: Db, params: { id: string; owner: string }): Promise<DraftRow | undefined> {
  return db.selectFrom("drafts").selectAll().where("id", "=", params.id).where("owner", "=", params.owner).executeTakeFirst();
}

/** The owner of a draft id, whoever it is; for telling "not yours" from "new". */
export async function findDraftOwner(db: Db, params: { id: string }): Promise<string | undefined> {
  const row = await db.selectFrom("drafts").select("owner").where("id", "=", params.id).executeTakeFirst();
  return row?.owner;
}

/** The document issued from this draft id, if any (a draft is then final). */
export async function findDocumentOfDraft(db: Db, params: { id: string }): Promise<string | undefined> {
  const row = await db.selectFrom("documents").select("id").where("draft_id", "=", params.id).executeTakeFirst();
  return row?.id;
}

/** Who issued a document from this draft id: the user id, null when unknown, undefined when none was issued. */
export async function draftIssuedBy(db: Db, params: { id: string }): Promise<string | null | undefined> {
  const row = await db.selectFrom("documents").select("owner_id").where("draft_id", "=", params.id).executeTakeFirst();
  return row === undefined ? undefined : row.owner_id;
}

/** True when a document was issued from this draft id. */
export async function isDraftIssued(db: Db, params: { id: string }): Promise<boolean> {
  return (await findDocumentOfDraft(db, params)) !== undefined;
}

/** Creates or replaces the owner's draft; `now` is the stored ISO UTC time. */
export async function saveDraft(db: Db, params: { id: string; owner: string; json: string; now: string }): Promise<void> {
  await db
    .insertInto("drafts")
    .values({ id: params.id, owner: params.owner, json: params.json, created_at: params.now, updated_at: params.now })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({ json: params.json, updated_at: params.now }).where("drafts.owner", "=", params.owner),
    )
    .execute();
}

/** Deletes the owner's draft; true when there was one. */
export async function deleteDraft(db: Db, params: { id: string; owner: string }): Promise<boolean> {
  const result = await db.deleteFrom("drafts").where("id", "=", params.id).where("owner", "=", params.owner).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The draft a document keeps (`draft_json` and its shape version), for copying it into a new draft; undefined for an unknown id. */
export async function findDocumentDraft(db: Db, params: { id: string }): Promise<{ json: string | null; version: number | null } | undefined> {
  const row = await db.selectFrom("documents").select(["draft_json", "draft_version"]).where("id", "=", params.id).executeTakeFirst();
  return row === undefined ? undefined : { json: row.draft_json, version: row.draft_version };
}
