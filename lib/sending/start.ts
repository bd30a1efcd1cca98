import "server-only";
import { getDb } from "@/lib/db";
import { migrateToLatest } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";
import { getProviderClient } from "@/lib/provider";
import { startWorker, type Worker } from "@/lib/sending/worker";

/** Slack added to the provider's timeouts so a lease always outlives the call it covers. */
const LEASE_MARGIN_MS = 30_000;

/** A claim must outlive the longest provider call (connect + response) plus a margin. */
export function leaseMsFor(provider: { connectTimeoutMs: number; responseTimeoutMs: number }): number {
  return Math.max(60_000, provider.connectTimeoutMs + provider.responseTimeoutMs + LEASE_MARGIN_MS);
}

const holder = globalThis as typeof globalThis & { creditDeskSending?: Promise<Worker> };

/**
 * Migrates the database and starts this process's send worker (whose passes also run the
 * reconciler). Idempotent: every later call returns the same worker.
 */
export function startBackgroundSending(): Promise<Worker> {
  holder.creditDeskSending ??= (async () => {
    const db = getDb();
    await migrateToLatest(db);
    const env = getEnv();
    return startWorker({ db, client: getProviderClient(), leaseMs: leaseMsFor(env.provider) });
  })();
  return holder.creditDeskSending;
}

/** Asks this process's worker, if it runs, to send at once (call after issuing). */
export function wakeBackgroundSending(): void {
  void holder.creditDeskSending?.then((worker) => worker.wake()).catch(() => undefined);
}
