/**
 * startSandbox(): runs the provider sandbox in this process (tests, scripts) and resolves once
 * it listens. `npm run sandbox` wraps it in server.ts.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiKeyRegistry, TokenStore } from "./auth";
import { resolveConfig, type SandboxOptions } from "./config";
import { defaultSettings, type SandboxContext } from "./context";
import { FaultQueue } from "./faults";
import { RequestLog } from "./request-log";
import { route } from "./router";
import { seedErpInvoices } from "./erp-seed";
import { SandboxStore } from "./store";

export interface RunningSandbox {
  /** Where it listens, e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  /** Stops listening, drops open (e.g. hanging) connections and closes the store. */
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const config = resolveConfig(options);
  const keys = new ApiKeyRegistry(config.apiKeys);
  const store = new SandboxStore(config.dataDir);
  if (config.seedErp) for (const afm of keys.afms()) seedErpInvoices(store, `EL${afm}`);
  const shutdown = new AbortController();
  const ctx: SandboxContext = {
    config, settings: defaultSettings(config), store, faults: new FaultQueue(), log: new RequestLog(), keys,
    tokens: new TokenStore(), publicUrl: config.publicUrl ?? "", shutdown: shutdown.signal,
  };
  const server = createServer((req, res) => {
    void route(ctx, req, res);
  });
  // Hanging answers are a feature here; keep Node from timing those sockets out on its own.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const displayHost = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  ctx.publicUrl = config.publicUrl ?? `http://127.0.0.1:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${displayHost.includes(":") ? `[${displayHost}]` : displayHost}:${port}`,
    port,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        shutdown.abort();
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
