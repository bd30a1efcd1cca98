import "server-only";
import { getDb } from "@/lib/db";
import { migrateToLatest } from "@/lib/db/migrate";
import { getProviderClient } from "@/lib/provider";
import { getReadyDb } from "@/lib/db/ready";
import { loadProviderAvailability, type ProviderAvailability } from "@/lib/sending/circuit";
import { startWorker, type Worker } from "@/lib/sending/worker";

const holder = globalThis as typeof globalThis & { creditDeskSending?: Promise<Worker> };

/**
 * Migrates the database and starts this process's send worker (whose passes also run the
 * reconciler). Idempotent: every later call returns the same worker.
 */
export function startBackgroundSending(): Promise<Worker> {
  holder.creditDeskSending ??= (async () => {
    const db = getDb();
    await migrateToLatest(db);
    return startWorker({ db, client: getProviderClient() });
  })();
  return holder.creditDeskSending;
}

/**
 * The provider's availability as the send workers see it, whichever process they run in (each
 * writes its open circuit to the database): since when it stopped connecting (null while it
 * answers), and how many documents wait.
 */
export async function sendingAvailability(now = new Date()): Promise<ProviderAvailability> {
  return loadProviderAvailability(await getReadyDb(), now);
}

/** Asks this process's worker, if it runs, to send at once (call after issuing). */
export function wakeBackgroundSending(): void {
  void holder.creditDeskSending?.then((worker) => worker.wake()).catch(() => undefined);
}
