import "server-only";
import { AsyncResource } from "node:async_hooks";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/schema";
import type { ProviderClient } from "@/lib/provider/client-types";
import { countWaiting, createProviderCircuit, persistCircuit, PROBE_EVERY_MS, OPEN_AFTER_CONNECT_FAILURES, rescheduleWaiting, type ProviderAvailability } from "@/lib/sending/circuit";
import { claimDueDocuments, reclaimExpiredSends } from "@/lib/sending/leases";
import { DEFAULT_SENDING_POLICY, type SendingPolicy } from "@/lib/sending/policy";
import { processClaimedDocument, type WorkerDeps } from "@/lib/sending/process-document";

export interface WorkerOptions {
  db: Db;
  client: ProviderClient;
  /** Lease owner name; unique per process. */
  instanceId?: string | undefined;
  /** Pause between passes. */
  pollMs?: number | undefined;
  /**
   * How long a claim lasts without renewal. A heartbeat renews it every third of this while the
   * document is worked on, so a crashed worker's documents are taken over within about this long.
   */
  leaseMs?: number | undefined;
  /** Documents claimed per pass (processed concurrently). */
  batchSize?: number | undefined;
  policy?: Partial<SendingPolicy> | undefined;
  /** false: no background loop, passes only through runOnce() (tests, one-shot scripts). */
  autoPoll?: boolean | undefined;
  clock?: (() => Date) | undefined;
  random?: (() => number) | undefined;
  onError?: ((error: unknown) => void) | undefined;
  /** Called after every pass with the number of documents it claimed. */
  onPass?: ((claimed: number) => void) | undefined;
  /** Consecutive connection failures that open the provider circuit (3). */
  openCircuitAfter?: number | undefined;
  /** Pause between availability probes while the circuit is open (2 s). */
  probeEveryMs?: number | undefined;
  /** Called when the circuit opens (since = first failure) and when it closes (since = null). */
  onCircuit?: ((since: Date | null, rescheduled: number) => void) | undefined;
}

export interface Worker {
  readonly instanceId: string;
  /** One pass: reclaim expired sends, claim due documents, move them. Resolves to how many were claimed. */
  runOnce(): Promise<number>;
  /** Asks for a pass as soon as possible (e.g. right after issuing). */
  wake(): void;
  /** Stops polling and waits for the pass in progress. */
  stop(): Promise<void>;
  /** The provider's availability as this worker sees it, and how many documents wait. */
  availability(): Promise<ProviderAvailability>;
}

export const DEFAULT_POLL_MS = 1_000;
export const DEFAULT_LEASE_MS = 10_000;

/**
 * Starts the send worker (and its reconciler sweep, run at the start of every pass, so also
 * at start-up). Several instances, in one process or many, may run against one database:
 * leases keep them from ever working one document at the same time.
 */
export function startWorker(options: WorkerOptions): Worker {
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const circuit = createProviderCircuit({ openAfter: options.openCircuitAfter ?? OPEN_AFTER_CONNECT_FAILURES, probeEveryMs: options.probeEveryMs ?? PROBE_EVERY_MS });
  const clock = options.clock ?? (() => new Date());
  const onError = options.onError ?? ((error: unknown) => console.error("[credit-desk worker]", error));
  // The circuit's state, written for the dashboard (whichever process it runs in); a failed write
  // never stops sending. Writes are chained so that they land in the order they were made.
  let persisted: Promise<void> = Promise.resolve();
  const persist = (since: Date | null): Promise<void> => {
    persisted = persisted.then(() => persistCircuit(options.db, instanceId, since, clock())).catch((error: unknown) => {
      try {
        onError(error);
      } catch {
        // an onError that throws must not break the chain
      }
    });
    return persisted;
  };
  const deps: WorkerDeps = {
    db: options.db,
    client: options.client,
    owner: instanceId,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    policy: { ...DEFAULT_SENDING_POLICY, ...options.policy },
    clock,
    random: options.random ?? Math.random,
    onProviderCall: (reachable) => {
      const wasOpen = circuit.isOpen;
      circuit.record(reachable, clock());
      if (!wasOpen && circuit.isOpen) {
        void persist(circuit.unreachableSince);
        options.onCircuit?.(circuit.unreachableSince, 0);
      }
    },
  };
  const batchSize = options.batchSize ?? 10;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> = Promise.resolve(0);

  /**
   * While the circuit is open nothing is claimed: the provider is probed every probeEveryMs, and
   * once it connects again the waiting documents are made due and the pass goes on at once.
   * @returns true when this pass may claim.
   */
  async function providerAvailable(): Promise<boolean> {
    if (!circuit.isOpen) return true;
    if (circuit.probeDue(clock())) {
      // Without a probe, one pass is let through after the pause (its sends are the probe).
      const reachable = options.client.probe === undefined ? true : await options.client.probe().catch(() => false);
      circuit.probed(reachable, clock());
      if (!reachable) await persist(circuit.unreachableSince);
    }
    if (!circuit.recovered) return false;
    circuit.close();
    await persist(null);
    const rescheduled = await rescheduleWaiting(deps.db, clock());
    options.onCircuit?.(null, rescheduled);
    return true;
  }

  async function pass(): Promise<number> {
    await reclaimExpiredSends(deps.db, deps.clock());
    if (!(await providerAvailable())) {
      options.onPass?.(0);
      return 0;
    }
    const claimed = await claimDueDocuments(deps.db, { owner: instanceId, now: deps.clock(), leaseMs: deps.leaseMs, limit: batchSize });
    const results = await Promise.allSettled(claimed.map((doc) => processClaimedDocument(deps, doc)));
    for (const result of results) if (result.status === "rejected") onError(result.reason);
    options.onPass?.(claimed.length);
    return claimed.length;
  }

  function runOnce(): Promise<number> {
    // Passes of one instance never overlap.
    current = current.catch(() => 0).then(pass);
    return current;
  }

  // The background loop. At most one pass runs and at most one is pending, however often wake()
  // is called: wakes that arrive during a pass are folded into one pass right after it. A full
  // batch is followed at once by the next pass, so a backlog drains at the provider's pace rather
  // than one batch per poll. The timer and the loop are bound to the context the worker started
  // in, so a wake from a request handler does not keep that request's objects alive.
  let running = false;
  let wakeRequested = false;
  const loop = AsyncResource.bind((): void => {
    if (stopped || running) return;
    running = true;
    wakeRequested = false;
    void runOnce()
      .then(
        (claimed) => (claimed >= batchSize ? 0 : pollMs),
        (error: unknown) => {
          onError(error);
          return pollMs;
        },
      )
      .catch(() => pollMs) // an onError that throws must not stop the loop
      .then((nextDelayMs) => {
        running = false;
        schedule(wakeRequested ? 0 : nextDelayMs);
      });
  });
  const schedule = AsyncResource.bind((delayMs: number): void => {
    if (stopped || options.autoPoll === false) return;
    clearTimeout(timer);
    timer = setTimeout(loop, delayMs);
  });

  schedule(0);
  return {
    instanceId,
    runOnce,
    wake() {
      if (running) wakeRequested = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current.catch(() => 0);
      if (circuit.isOpen) await persist(null);
      await persisted;
    },
    async availability() {
      return { providerUnreachableSince: circuit.unreachableSince, waiting: await countWaiting(deps.db) };
    },
  };
}
