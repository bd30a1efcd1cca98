import { createServer, connect, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ProviderAvailability } from "@/lib/sending/circuit";
import { issueCreditNote } from "@/lib/sending/issue";
import { DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";
import { startWorker, type Worker } from "@/lib/sending/worker";
import { createProviderClient } from "@/lib/provider/impact/client";
import { testEngines } from "@/tests/support/db";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";
import { assertInvariants, sleep, useSendingEnvironment, waitFor } from "@/tests/integration/sending/harness";

/**
 * The provider's address as a TCP relay in front of the sandbox: `down()` closes the port and cuts
 * every open connection (a killed provider: connections refused), `up()` opens it again.
 */
async function providerPort(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const up = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server?.address() as { port: number }).port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (server === undefined) resolve();
      else server.close(() => resolve());
    });
  await up();
  return { url: () => `http://127.0.0.1:${port}`, up, down };
}

/**
 * Policy constants this scenario depends on (the defaults): back-off full jitter from 2 s capped at
 * 30 s, 8 ambiguous sends, 24 h deadline; the circuit opens after 3 connection failures and probes
 * every 2 s; leases of 10 s. A 25 s outage is longer than the whole old attempt budget's waits
 * were for the first notes (8 attempts from 2 s) and shorter than the 30 s cap, so without the
 * circuit the first acceptances could come up to 30 s after the provider's return.
 */
const OUTAGE_MS = 25_000;
const BURST = 60;

describe.each(testEngines())("provider down during a burst, on %s", (engine) => {
  const env = useSendingEnvironment(engine, { processingWindowMs: 200 }, "O");
  let worker: Worker | undefined;

  afterEach(async () => {
    await worker?.stop();
    await assertInvariants(env.t.db, env.sandbox);
  });

  const count = async (status: string) =>
    Number((await env.t.db.selectFrom("documents").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", status as never).executeTakeFirstOrThrow()).n);
  const attempts = async () => Number((await env.t.db.selectFrom("attempts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it(`a ${OUTAGE_MS / 1000} s outage: every note accepted after it, none in needs_attention, the first within 10 s of the return`, async () => {
    const sandboxUrl = new URL(env.sandbox.baseUrl);
    const relay = await providerPort({ host: sandboxUrl.hostname, port: Number(sandboxUrl.port) });
    const client = createProviderClient({ baseUrl: relay.url(), apiKey: env.sandbox.apiKey, connectTimeoutMs: 1_000, responseTimeoutMs: 5_000 });
    const circuitLog: (Date | null)[] = [];
    for (let i = 0; i < BURST; i += 1) await issueCreditNote(env.t.db, sampleIssueRequest({ series: env.series }));
    worker = startWorker({ db: env.t.db, client, pollMs: 200, leaseMs: 10_000, policy: DEFAULT_SENDING_POLICY, onError: () => undefined, onCircuit: (since) => circuitLog.push(since) });

    await waitFor(async () => ((await count("accepted")) >= 5 ? true : undefined), 30_000, "the first acceptances");
    await relay.down();
    const downAt = Date.now();
    const acceptedBefore = await count("accepted");
    expect(acceptedBefore).toBeLessThan(BURST);

    // The circuit opens: the worker stops sending and reports since when the provider is unreachable.
    const during: ProviderAvailability = await waitFor(async () => {
      const a = await worker?.availability();
      return a?.providerUnreachableSince != null ? a : undefined;
    }, 10_000, "the circuit to open");
    expect(during.waiting).toBeGreaterThan(0);
    await sleep(3_000);
    const attemptsWhileOpen = await attempts();
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
    expect(await attempts()).toBe(attemptsWhileOpen); // nothing sent while the circuit is open
    expect(await count("needs_attention")).toBe(0);

    await relay.up();
    const upAt = Date.now();
    await waitFor(async () => ((await count("accepted")) > acceptedBefore ? true : undefined), 10_000, "an acceptance within 10 s of the return");
    expect(Date.now() - upAt).toBeLessThan(10_000);

    await waitFor(async () => ((await count("accepted")) === BURST ? true : undefined), 90_000, "every note accepted");
    expect(await count("needs_attention")).toBe(0);
    expect((await worker.availability()).providerUnreachableSince).toBeNull();
    expect(circuitLog.at(-1)).toBeNull();
    const unreachableSince = circuitLog.find((since) => since !== null);
    expect(unreachableSince?.getTime()).toBeGreaterThanOrEqual(downAt - 100);
    await relay.down();
  }, 180_000);
});
