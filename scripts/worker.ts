/**
 * Stand-alone send worker: migrates DATABASE_URL, then sends and reconciles with the
 * provider configured in the environment until SIGTERM/SIGINT (or one pass with --once).
 * Prints one JSON line per lifecycle event on stdout.
 *
 *   node --conditions=react-server --import tsx scripts/worker.ts \
 *     [--instance-id ID] [--poll-ms N] [--lease-ms N] [--processing-poll-ms N] [--lock-wait-ms N]
 *     [--backoff-base-ms N] [--backoff-cap-ms N] [--max-ambiguous-sends N] [--once]
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/connect";
import { migrateToLatest } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";
import { providerClientConfig } from "@/lib/provider";
import { createProviderClient } from "@/lib/provider/impact/client";
import type { SendingPolicy } from "@/lib/sending/policy";
import { startWorker } from "@/lib/sending/worker";

function log(event: string, detail: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ event, at: new Date().toISOString(), ...detail })}\n`);
}

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "instance-id": { type: "string" },
      "poll-ms": { type: "string" },
      "lease-ms": { type: "string" },
      "processing-poll-ms": { type: "string" },
      "lock-wait-ms": { type: "string" },
      "backoff-base-ms": { type: "string" },
      "backoff-cap-ms": { type: "string" },
      "max-ambiguous-sends": { type: "string" },
      once: { type: "boolean", default: false },
    },
  });
  const env = getEnv();
  const db = openDatabase(env.databaseUrl);
  await migrateToLatest(db);
  const { baseUrl } = env.provider;
  const client = createProviderClient(providerClientConfig(env.provider));
  const policy: Partial<SendingPolicy> = Object.fromEntries(
    Object.entries({
      processingPollMs: positive("processing-poll-ms", values["processing-poll-ms"]),
      lockWaitMs: positive("lock-wait-ms", values["lock-wait-ms"]),
      backoffBaseMs: positive("backoff-base-ms", values["backoff-base-ms"]),
      backoffCapMs: positive("backoff-cap-ms", values["backoff-cap-ms"]),
      maxAmbiguousSends: positive("max-ambiguous-sends", values["max-ambiguous-sends"]),
    }).filter(([, value]) => value !== undefined),
  );
  let passes = 0;
  const worker = startWorker({
    db,
    client,
    instanceId: values["instance-id"],
    pollMs: positive("poll-ms", values["poll-ms"]),
    leaseMs: positive("lease-ms", values["lease-ms"]),
    policy,
    autoPoll: !values.once,
    onError: (error) => log("error", { message: error instanceof Error ? error.message : String(error) }),
    onCircuit: (since, rescheduled) =>
      log(since === null ? "provider_reachable" : "provider_unreachable", since === null ? { rescheduled } : { since: since.toISOString() }),
    onPass: (claimed) => {
      // The first pass is always reported (crash tests wait for it); later ones when they did something.
      if (passes === 0 || claimed > 0) log("pass", { claimed, pass: passes });
      passes += 1;
    },
  });
  log("ready", { instanceId: worker.instanceId, provider: baseUrl, environment: env.provider.environment });
  const shutdown = async (signal: string): Promise<void> => {
    await worker.stop();
    await db.destroy();
    log("stopped", { signal });
    process.exit(0);
  };
  if (values.once) {
    await worker.runOnce();
    await shutdown("once");
    return;
  }
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  log("fatal", { message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
