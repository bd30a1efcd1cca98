import "server-only";
import type { ProviderClient } from "@/lib/provider/client-types";
import type { CreditExistingRequest, SendOutcome } from "@/lib/provider/types";
import { documentQueryOf, ourIdentityOf } from "@/lib/sending/document-query";
import { beginAttempt, recordLookup, recordSendOutcome } from "@/lib/sending/attempt-store";
import { renewLease, type DocumentRow } from "@/lib/sending/leases";
import type { SendingPolicy } from "@/lib/sending/policy";
import { nextState, type MachineContext, type Transition } from "@/lib/sending/state-machine";
import type { Db } from "@/lib/db/schema";

/** Everything one worker instance needs to move a document. */
export interface WorkerDeps {
  db: Db;
  client: ProviderClient;
  owner: string;
  leaseMs: number;
  policy: SendingPolicy;
  clock: () => Date;
  random: () => number;
  /** Told after every provider call whether the provider could be reached (false: the connection never opened). */
  onProviderCall?: ((reachable: boolean) => void) | undefined;
}

/** A held claim: renewed by a heartbeat; `signal` aborts the provider call before the lease could lapse. */
interface HeldLease {
  signal: AbortSignal;
  release(): void;
}

/**
 * Renews the claim every third of the lease while the document is worked on. A send in flight is
 * aborted when the lease was lost, or when no renewal succeeded for 80 % of the lease (a stalled
 * process, an unreachable database): its socket is closed before another worker can take the
 * document over, so two sends of one document are never in flight from this side.
 */
function holdLease(deps: WorkerDeps, id: string): HeldLease {
  const controller = new AbortController();
  const graceMs = Math.floor(deps.leaseMs * 0.8);
  let abortTimer = setTimeout(() => controller.abort(), graceMs);
  const heartbeat = setInterval(() => {
    renewLease(deps.db, { id, owner: deps.owner, now: deps.clock(), leaseMs: deps.leaseMs }).then(
      (renewed) => {
        if (controller.signal.aborted) return;
        if (!renewed) {
          controller.abort();
          return;
        }
        clearTimeout(abortTimer);
        abortTimer = setTimeout(() => controller.abort(), graceMs);
      },
      () => undefined, // not renewed: the abort timer runs on
    );
  }, Math.max(10, Math.floor(deps.leaseMs / 3)));
  return {
    signal: controller.signal,
    release() {
      clearInterval(heartbeat);
      clearTimeout(abortTimer);
    },
  };
}

/** Steps taken on one claim before the document goes back to the queue (send → resend → confirm). */
const MAX_STEPS_PER_CLAIM = 4;

/** The machine's view of a stored document at `now`. */
export function machineContext(doc: DocumentRow, deps: Pick<WorkerDeps, "policy" | "random">, now: Date): MachineContext {
  return {
    now,
    deadlineAt: new Date(doc.deadline_at),
    sendsUsed: doc.attempt_count - doc.attempt_base,
    attemptCount: doc.attempt_count,
    retryStep: doc.retry_step,
    random: deps.random(),
    policy: deps.policy,
    ours: ourIdentityOf(doc),
    kind: doc.kind,
  };
}

/** Sends the stored bytes: the exact JSON text of a composed document, or the stored /Invoice/credit body. */
function sendStored(client: ProviderClient, doc: DocumentRow, signal: AbortSignal): Promise<SendOutcome> {
  const options = { issuerVat: doc.issuer_vat, signal };
  if (doc.kind === "credit_existing") return client.creditExisting(JSON.parse(doc.payload_json) as CreditExistingRequest, options);
  return client.sendDocument(doc.payload_json, options);
}

/** The next step may follow at once, under the same lease. */
function continuesNow(transition: Transition): boolean {
  return transition.status === "unknown" && transition.delayMs === 0;
}

async function sendStep(deps: WorkerDeps, doc: DocumentRow, signal: AbortSignal): Promise<DocumentRow | null> {
  nextState({ status: doc.status, nextAction: doc.next_action }, { type: "send_started" }, machineContext(doc, deps, deps.clock()));
  const holder = { owner: deps.owner, now: deps.clock(), leaseMs: deps.leaseMs };
  const sending = await beginAttempt(deps.db, doc, holder);
  if (sending === null) return null;
  const started = performance.now();
  const outcome = await sendStored(deps.client, sending, signal);
  deps.onProviderCall?.(!(outcome.kind === "ambiguous" && !outcome.connected));
  const latencyMs = performance.now() - started;
  const now = deps.clock();
  const transition = nextState({ status: "sending", nextAction: null }, { type: "sent", outcome }, machineContext(sending, deps, now));
  const keep = continuesNow(transition);
  const row = await recordSendOutcome(deps.db, sending, { outcome, latencyMs, transition }, { ...holder, now }, keep);
  return keep ? row : null;
}

async function lookupStep(deps: WorkerDeps, doc: DocumentRow, signal: AbortSignal): Promise<DocumentRow | null> {
  if (!(await renewLease(deps.db, { id: doc.id, owner: deps.owner, now: deps.clock(), leaseMs: deps.leaseMs }))) return null;
  const outcome = await deps.client.findDocument(documentQueryOf(doc, deps.clock()), { signal });
  deps.onProviderCall?.(!(outcome.kind === "ambiguous" && !outcome.connected));
  const now = deps.clock();
  const transition = nextState({ status: doc.status, nextAction: doc.next_action }, { type: "looked_up", outcome }, machineContext(doc, deps, now));
  const keep = continuesNow(transition);
  const row = await recordLookup(deps.db, doc, { outcome, transition }, { owner: deps.owner, now, leaseMs: deps.leaseMs }, keep);
  return keep ? row : null;
}

/**
 * Moves one claimed document as far as it can go now: sends it (queued, or unknown whose
 * next action is send) or looks for it at the provider (unknown), and chains the steps that
 * may follow at once (not found → resend; duplicate without its stored body → confirm). Every
 * step is persisted before the next.
 */
export async function processClaimedDocument(deps: WorkerDeps, claimed: DocumentRow): Promise<void> {
  const lease = holdLease(deps, claimed.id);
  let doc: DocumentRow | null = claimed;
  try {
    for (let step = 0; step < MAX_STEPS_PER_CLAIM && doc !== null; step += 1) {
      if (doc.status !== "queued" && doc.status !== "unknown") return;
      if (lease.signal.aborted) return;
      doc = doc.next_action === "send" ? await sendStep(deps, doc, lease.signal) : await lookupStep(deps, doc, lease.signal);
    }
  } finally {
    lease.release();
  }
  if (doc !== null) {
    // Out of steps for this claim: release it so the next pass continues.
    await deps.db.updateTable("documents").set({ lease_owner: null, lease_until: null }).where("id", "=", doc.id).where("lease_owner", "=", deps.owner).execute();
  }
}
