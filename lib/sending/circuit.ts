import "server-only";
import type { Db } from "@/lib/db/schema";
import { toDbTime } from "@/lib/db/time";

/** Whether the provider can be reached, as this process's worker last saw it; for the overview. */
export interface ProviderAvailability {
  /** When the first of the connection failures that opened the circuit happened; null while the provider answers. */
  providerUnreachableSince: Date | null;
  /** Documents queued or waiting to be tried again (not settled, not being sent). */
  waiting: number;
}

/** Consecutive connection failures after which the worker stops sending and probes instead. */
export const OPEN_AFTER_CONNECT_FAILURES = 3;
/** Pause between probes while the circuit is open. */
export const PROBE_EVERY_MS = 2_000;

/**
 * The worker's view of the provider's availability. Consecutive calls that could not even
 * connect open the circuit: the worker then claims and sends nothing and probes the provider
 * every `probeEveryMs`; the first probe (or in-flight call) that connects closes it again.
 */
export interface ProviderCircuit {
  /** Records a provider call: reachable = the connection opened (whatever the answer). */
  record(reachable: boolean, now: Date): void;
  readonly isOpen: boolean;
  readonly unreachableSince: Date | null;
  /** true when a probe is due (open, and the last probe is at least probeEveryMs old). */
  probeDue(now: Date): boolean;
  probed(reachable: boolean, now: Date): void;
  /** true once the circuit was open and a call or probe connected since; cleared by close(). */
  readonly recovered: boolean;
  close(): void;
}

export function createProviderCircuit(options: { openAfter?: number; probeEveryMs?: number } = {}): ProviderCircuit {
  const openAfter = options.openAfter ?? OPEN_AFTER_CONNECT_FAILURES;
  const probeEveryMs = options.probeEveryMs ?? PROBE_EVERY_MS;
  let failures = 0;
  let firstFailureAt: Date | null = null;
  let openSince: Date | null = null;
  let lastProbeAt = 0;
  let recovered = false;
  return {
    record(reachable, now) {
      if (reachable) {
        failures = 0;
        firstFailureAt = null;
        if (openSince !== null) recovered = true;
        return;
      }
      failures += 1;
      firstFailureAt ??= now;
      if (failures >= openAfter && openSince === null) {
        openSince = firstFailureAt;
        lastProbeAt = now.getTime();
        recovered = false;
      }
    },
    get isOpen() {
      return openSince !== null;
    },
    get unreachableSince() {
      return openSince;
    },
    probeDue(now) {
      return openSince !== null && !recovered && now.getTime() - lastProbeAt >= probeEveryMs;
    },
    probed(reachable, now) {
      lastProbeAt = now.getTime();
      if (reachable && openSince !== null) recovered = true;
    },
    get recovered() {
      return recovered;
    },
    close() {
      failures = 0;
      firstFailureAt = null;
      openSince = null;
      recovered = false;
    },
  };
}

/**
 * The provider answers again: every document waiting to be sent or looked for is due now, so the
 * queue resumes within a pass instead of after each document's back-off.
 * @returns how many documents were made due.
 */
export async function rescheduleWaiting(db: Db, now: Date): Promise<number> {
  const nowText = toDbTime(now);
  const result = await db
    .updateTable("documents")
    .set({ next_attempt_at: nowText })
    .where("status", "in", ["queued", "unknown"])
    .where("next_action", "in", ["send", "lookup"])
    .where("next_attempt_at", ">", nowText)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Documents not settled and not in flight: queued, or unknown and waiting for their next step. */
export async function countWaiting(db: Db): Promise<number> {
  const row = await db
    .selectFrom("documents")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("status", "in", ["queued", "unknown"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A worker's open-circuit row older than this is a worker that stopped probing (it died): ignored. */
export const CIRCUIT_ROW_FRESH_MS = 30_000;

/**
 * Writes this worker's circuit state for the dashboard: `since` = open since then (the row is
 * written or its probe time refreshed), null = closed (the row is removed).
 */
export async function persistCircuit(db: Db, workerId: string, since: Date | null, now: Date): Promise<void> {
  if (since === null) {
    await db.deleteFrom("provider_circuit").where("worker_id", "=", workerId).execute();
    return;
  }
  const row = { worker_id: workerId, unreachable_since: toDbTime(since), checked_at: toDbTime(now) };
  await db
    .insertInto("provider_circuit")
    .values(row)
    .onConflict((oc) => oc.column("worker_id").doUpdateSet({ unreachable_since: row.unreachable_since, checked_at: row.checked_at }))
    .execute();
}

/**
 * The provider's availability as the workers of every process report it: unreachable since the
 * earliest open circuit of a worker that still probes, and how many documents wait.
 */
export async function loadProviderAvailability(db: Db, now: Date): Promise<ProviderAvailability> {
  const fresh = toDbTime(new Date(now.getTime() - CIRCUIT_ROW_FRESH_MS));
  const [row, waiting] = await Promise.all([
    db.selectFrom("provider_circuit").select((eb) => eb.fn.min<string>("unreachable_since").as("since")).where("checked_at", ">=", fresh).executeTakeFirst(),
    countWaiting(db),
  ]);
  const since = row?.since ?? null;
  return { providerUnreachableSince: since === null ? null : new Date(since), waiting };
}
