import "server-only";
import { randomUUID } from "node:crypto";
import type { AuthUser } from "@/lib/auth/roles";
import { deleteDraft, draftIssuedBy, findDraft, findDraftOwner, listDrafts, saveDraft, type DraftRow } from "@/lib/db/compose-queries";
import { checkDraftSettings } from "@/lib/settings/defined";
import { getReadyDb } from "@/lib/db/ready";
import { toDbTime } from "@/lib/db/time";
import { AppError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/i18n/locale";
import { parseOrFail } from "@/lib/validation/parse";
import { composeValuesSchema, draftSnapshotSchema, type DraftSnapshot } from "@/lib/validation/draft-snapshot";
import { computeLenientTotals } from "@/lib/validation/lenient-totals";
import type { DraftSummary } from "@/lib/settings/views";

/** The drafts list shows at most this many (a clerk with more has bigger problems). */
export const MAX_LISTED_DRAFTS = 200;

/** A stored snapshot read back; a row that no longer parses (older shape) still opens, with defaults. */
export function snapshotOf(row: DraftRow): DraftSnapshot {
  let raw: unknown = null;
  try {
    raw = JSON.parse(row.json) as unknown;
  } catch {
    raw = null;
  }
  const parsed = draftSnapshotSchema.safeParse(raw);
  if (parsed.success) return { ...parsed.data, draft: { ...parsed.data.draft, id: row.id } };
  return { step: 0, draft: composeValuesSchema.parse({ id: row.id }) };
}

function summaryOf(row: DraftRow): DraftSummary {
  const { draft, step } = snapshotOf(row);
  const { totals } = computeLenientTotals(draft);
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    counterpartyName: draft.counterparty.name,
    series: draft.series,
    lineCount: draft.lines.length,
    grossCents: totals.grossCents,
    step,
  };
}

/** The user's unissued drafts, most recent first. */
export async function listDraftSummaries(user: AuthUser): Promise<DraftSummary[]> {
  const rows = await listDrafts(await getReadyDb(), { owner: user.id, limit: MAX_LISTED_DRAFTS });
  return rows.map(summaryOf);
}

/** One of the user's drafts with its snapshot and last save time; 404 when it is not theirs. */
export async function getDraftSnapshot(user: AuthUser, id: string): Promise<DraftSnapshot & { updatedAt: string }> {
  const row = await findDraft(await getReadyDb(), { id, owner: user.id });
  if (!row) throw new AppError("not_found", { subject: "draft" });
  return { ...snapshotOf(row), updatedAt: row.updated_at };
}

/**
 * Autosave: stores the snapshot under the client-chosen id (created on first save). A draft
 * somebody else owns is not found; a draft that has been issued is final (409), so a late
 * autosave after issuing cannot bring it back to the list.
 */
export async function storeDraftSnapshot(user: AuthUser, id: string, body: unknown, locale: Locale, now = new Date()): Promise<{ id: string; updatedAt: string }> {
  const bodyWithId = typeof body === "object" && body !== null && "draft" in body && typeof body.draft === "object" && body.draft !== null
    ? { ...body, draft: { ...body.draft, id } }
    : body;
  const snapshot = parseOrFail(draftSnapshotSchema, bodyWithId, locale);
  const db = await getReadyDb();
  const owner = await findDraftOwner(db, { id });
  if (owner !== undefined && owner !== user.id) throw new AppError("not_found", { subject: "draft" });
  const issuedBy = await draftIssuedBy(db, { id });
  if (issuedBy !== undefined) throw issuedBy === null || issuedBy === user.id ? new AppError("draft_issued") : new AppError("not_found", { subject: "draft" });
  // Whatever issuer or series the draft already names must be one an administrator defined.
  await checkDraftSettings(db, snapshot.draft, locale);
  const updatedAt = toDbTime(now);
  await saveDraft(db, { id, owner: user.id, json: JSON.stringify(snapshot), now: updatedAt });
  return { id, updatedAt };
}

/** A copy of one of the user's drafts under a new id (a copy of an issued draft is a fresh draft). */
export async function duplicateDraft(user: AuthUser, id: string, now = new Date()): Promise<{ id: string }> {
  const db = await getReadyDb();
  const row = await findDraft(db, { id, owner: user.id });
  if (!row) throw new AppError("not_found", { subject: "draft" });
  const snapshot = snapshotOf(row);
  const copyId = randomUUID();
  const copy: DraftSnapshot = { step: snapshot.step, draft: { ...snapshot.draft, id: copyId } };
  await saveDraft(db, { id: copyId, owner: user.id, json: JSON.stringify(copy), now: toDbTime(now) });
  return { id: copyId };
}

/** Deletes one of the user's drafts; 404 when there is none. */
export async function removeDraft(user: AuthUser, id: string): Promise<void> {
  if (!(await deleteDraft(await getReadyDb(), { id, owner: user.id }))) throw new AppError("not_found", { subject: "draft" });
}
