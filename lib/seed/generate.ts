import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { editableDraftOf, STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { computeTotals } from "@/lib/domain/totals";
import type { AttemptsTable, DocumentsTable, DocumentStatus, EventsTable } from "@/lib/db/schema";
import { documentSearchText } from "@/lib/domain/search-text";
import type { RecordedError } from "@/lib/sending/recorded-error";
import { SEED_STAFF, seedCounterparties, type SeedParty } from "./catalog";
import { REJECTIONS, type SeedFate } from "./fates";
import { seedInput, type SeedIssuer } from "./seed-input";

export { createRandom, type SeedIssuer } from "./seed-input";
export { fateOf, type SeedFate } from "./fates";

/** One seeded document with its attempt log and timeline (attempts and events refer to it by id). */
export interface SeedDocument {
  document: Insertable<DocumentsTable>;
  attempts: Insertable<AttemptsTable>[];
  events: Insertable<EventsTable>[];
}

const sha1 = (text: string) => createHash("sha1").update(text, "utf8").digest("hex").toUpperCase();
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

interface Moment {
  at: Date;
  text: string;
}

function momentAfter(base: Date, ms: number): Moment {
  const at = new Date(base.getTime() + ms);
  return { at, text: at.toISOString() };
}

/** Everything generateSeedDocument needs besides randomness. */
export interface SeedContext {
  issuer: SeedIssuer;
  providerBaseUrl: string;
  parties: SeedParty[];
  /** Next MARK to hand out; seeded MARKs start at 300000000000001 so they never meet the sandbox's. */
  nextMark: () => string;
  /** The moment "now" for leases and due times of moving documents. */
  now: Date;
}

/** The default context: the given issuer, the catalogue's counterparties, MARKs from 300000000000001. */
export function createSeedContext(issuer: SeedIssuer, providerBaseUrl: string, now: Date, firstMark = 300_000_000_000_001): SeedContext {
  let mark = firstMark;
  return { issuer, providerBaseUrl: providerBaseUrl.replace(/\/+$/, ""), parties: seedCounterparties(), nextMark: () => String(mark++), now };
}

/**
 * One realistic document: a valid composed 5.2 (or, now and then, a credit of an earlier
 * document), its exact payload, and the attempts and timeline that a real send would have left
 * for its fate. `createdAt` is when it was issued from the dashboard.
 */
export function generateSeedDocument(
  random: () => number,
  ctx: SeedContext,
  spec: { series: string; number: string; createdAt: Date; fate: SeedFate; createdBy: string | null; creditOf?: { mark: string; authenticationCode: string } | undefined },
): SeedDocument {
  const id = randomUUID();
  const internalDocumentId = randomUUID();
  const issuedAt = formatAthensDateTime(spec.createdAt);
  const party = ctx.parties[Math.floor(random() * random() * ctx.parties.length)] ?? ctx.parties[0]!;
  const status: DocumentStatus = spec.fate === "accepted_after_retry" ? "accepted" : spec.fate;
  let payloadJson: string;
  let draftJson: string | null = null;
  let totals: { netCents: number; vatCents: number; grossCents: number } | null = null;
  if (spec.creditOf !== undefined) {
    payloadJson = JSON.stringify({
      issuerTin: ctx.issuer.vat, authenticationCode: spec.creditOf.authenticationCode, mark: Number(spec.creditOf.mark), series: spec.series,
      number: spec.number, internalId: internalDocumentId, relateCredit: false, preventDocumentMapping: false,
    });
  } else {
    const input = seedInput(random, ctx.issuer, party);
    const computed = computeTotals(input);
    totals = { netCents: computed.netCents, vatCents: computed.vatCents, grossCents: computed.grossCents };
    payloadJson = JSON.stringify(buildProviderDocument(input, { internalDocumentId, series: spec.series, number: spec.number, issuedAt }));
    draftJson = JSON.stringify(editableDraftOf(input, { series: spec.series, number: spec.number, issuedAt }));
  }
  const payloadSha256 = sha256(payloadJson);
  const created = { at: spec.createdAt, text: spec.createdAt.toISOString() };
  const attempts: Insertable<AttemptsTable>[] = [];
  const events: Insertable<EventsTable>[] = [
    { document_id: id, at: created.text, type: "queued", actor: spec.createdBy, detail_json: JSON.stringify({ kind: spec.creditOf ? "credit_existing" : "compose", series: spec.series, number: spec.number, internalDocumentId }) },
  ];
  const worker = "seed-worker";
  let clock = 150 + Math.floor(random() * 400);
  const attempt = (outcome: string, httpStatus: number | null, body: string | null, error: string | null, finished = true) => {
    const started = momentAfter(created.at, clock);
    const latency = outcome === "ambiguous" ? 30_000 : 180 + Math.floor(random() * 900);
    clock += latency;
    const ended = momentAfter(created.at, clock);
    const seq = attempts.length + 1;
    attempts.push({
      document_id: id, seq, started_at: started.text, finished_at: finished ? ended.text : null, request_sha256: payloadSha256,
      http_status: finished ? httpStatus : null, outcome: finished ? outcome : null, latency_ms: finished ? latency : null,
      response_body: finished ? body : null, error: finished ? error : null, worker_id: worker,
    });
    events.push({ document_id: id, at: started.text, type: "attempt_started", actor: null, detail_json: JSON.stringify({ seq }) });
    if (finished) {
      events.push({ document_id: id, at: ended.text, type: "attempt_finished", actor: null, detail_json: JSON.stringify({ seq, outcome, httpStatus, latencyMs: latency, applied: true }) });
    }
    clock += 2_000 + Math.floor(random() * 8_000);
    return ended;
  };
  const statusEvent = (at: Moment, type: DocumentStatus, detail: Record<string, unknown>) =>
    events.push({ document_id: id, at: at.text, type, actor: null, detail_json: JSON.stringify(detail) });

  let accepted: { mark: string; uid: string; authenticationCode: string; url: string; qrUrl: string } | null = null;
  let lastError: RecordedError | null = null;
  let nextAction: DocumentsTable["next_action"] = null;
  let nextAttemptAt: string | null = null;
  let lease: { owner: string; until: string } | null = null;
  const unavailable = JSON.stringify({ success: false, message: "Could not accept document. Please resend." });

  if (status === "accepted") {
    if (spec.fate === "accepted_after_retry") {
      const failed = attempt("unavailable", 500, unavailable, "Provider answered HTTP 500");
      statusEvent(failed, "unknown", { reason: "provider_unavailable", from: "sending", nextAction: "send", inMs: 1_200 });
    }
    const mark = ctx.nextMark();
    const afm = ctx.issuer.vat.replace(/^EL/, "");
    const uid = sha1(`${afm}-${issuedAt.slice(0, 10)}-0-5.2-${spec.series}-${spec.number}`);
    const authenticationCode = sha1(`${uid}-${mark}`);
    const url = `${ctx.providerBaseUrl}/v/${sha1(`${internalDocumentId}-${mark}`).toLowerCase().slice(0, 32)}`;
    const qrUrl = `https://mydataapidev.aade.gr/TimologioQR/QRInfo?q=${encodeURIComponent(Buffer.from(`${uid}-${mark}`).toString("base64"))}`;
    accepted = { mark, uid, authenticationCode, url, qrUrl };
    const body = `{"mark":${mark},${JSON.stringify({ uid, authenticationCode, status: "SUBMITTED", series: spec.series, number: spec.number, url, erpQrCode: qrUrl, internalId: internalDocumentId, success: true }).slice(1)}`;
    const done = attempt("accepted", 201, body, null);
    statusEvent(done, "accepted", { reason: "accepted", from: "sending", mark });
  } else if (status === "rejected") {
    const rejection = REJECTIONS[Math.floor(random() * REJECTIONS.length)] ?? REJECTIONS[0]!;
    const message = rejection.isAade ? rejection.errors.map((e) => e.message).join(" ") : "Validation failed";
    const body = JSON.stringify({ success: false, message, errors: rejection.errors });
    const done = attempt("rejected", 400, body, message);
    lastError = { kind: "rejected", httpStatus: 400, message, errors: rejection.errors, isAadeError: rejection.isAade };
    statusEvent(done, "rejected", { reason: "rejected", from: "sending" });
  } else if (status === "needs_attention") {
    let last: Moment = created;
    const tries = 2 + Math.floor(random() * 3);
    for (let i = 0; i < tries; i += 1) last = attempt("unavailable", 500, unavailable, "Provider answered HTTP 500");
    lastError = { kind: "unavailable", httpStatus: 500, message: "Could not accept document. Please resend.", errors: [] };
    statusEvent(last, "needs_attention", { reason: "deadline_passed", from: "unknown" });
  } else if (status === "unknown") {
    const ended = attempt("ambiguous", null, null, "no answer within 30000 ms");
    lastError = { kind: "ambiguous", httpStatus: null, message: "no answer within 30000 ms", errors: [], reason: "timeout" };
    statusEvent(ended, "unknown", { reason: "no_answer_timeout", from: "sending", nextAction: "send", inMs: 15_000 });
    nextAction = "send";
    nextAttemptAt = momentAfter(ctx.now, 15_000).text;
  } else if (status === "sending") {
    attempt("sending", null, null, null, false);
    lease = { owner: worker, until: momentAfter(ctx.now, 60_000).text };
  } else {
    nextAction = "send";
    nextAttemptAt = created.text;
  }

  const document: Insertable<DocumentsTable> = {
    id,
    internal_document_id: internalDocumentId,
    draft_id: null,
    idempotency_key: null,
    kind: spec.creditOf ? "credit_existing" : "compose",
    issuer_vat: ctx.issuer.vat,
    series: spec.series,
    number: spec.number,
    issued_at: issuedAt,
    counterparty_name: party.name,
    counterparty_vat: party.vat,
    search_text: documentSearchText({ series: spec.series, number: spec.number, counterpartyName: party.name, counterpartyVat: party.vat, internalDocumentId }),
    net_cents: totals?.netCents ?? null,
    vat_cents: totals?.vatCents ?? null,
    gross_cents: totals?.grossCents ?? null,
    payload_json: payloadJson,
    payload_sha256: payloadSha256,
    draft_json: draftJson,
    draft_version: draftJson === null ? null : STORED_DRAFT_VERSION,
    status,
    next_action: nextAction,
    attempt_count: attempts.length,
    attempt_base: 0,
    retry_step: 0,
    next_attempt_at: nextAttemptAt,
    lease_owner: lease?.owner ?? null,
    lease_until: lease?.until ?? null,
    deadline_at: momentAfter(created.at, 24 * 60 * 60 * 1000).text,
    mark: accepted?.mark ?? null,
    uid: accepted?.uid ?? null,
    authentication_code: accepted?.authenticationCode ?? null,
    url: accepted?.url ?? null,
    qr_url: accepted?.qrUrl ?? null,
    last_error_json: lastError === null ? null : JSON.stringify(lastError),
    created_by: spec.createdBy,
    created_at: created.text,
    updated_at: momentAfter(created.at, clock).text,
  };
  return { document, attempts, events };
}

/** Staff member who issued a seeded document. */
export function pickStaff(random: () => number): string {
  return SEED_STAFF[Math.floor(random() * SEED_STAFF.length)] ?? SEED_STAFF[0]!;
}
