/** Everything a request handler needs, created once per running sandbox. */
import type { ApiKeyRegistry, TokenStore } from "./auth";
import type { SandboxConfig } from "./config";
import type { RuntimeSettings } from "./control-types";
import type { FaultQueue } from "./faults";
import type { RequestLog } from "./request-log";
import type { SandboxStore } from "./store";

export interface SandboxContext {
  config: SandboxConfig;
  /** Mutable through POST /__control/settings; reset to the config's values by /__control/reset. */
  settings: RuntimeSettings;
  store: SandboxStore;
  faults: FaultQueue;
  log: RequestLog;
  keys: ApiKeyRegistry;
  tokens: TokenStore;
  /** Base of document urls, known once the server listens. */
  publicUrl: string;
  /** Aborted when the sandbox closes, so delayed handlers stop waiting. */
  shutdown: AbortSignal;
}

export function defaultSettings(config: SandboxConfig): RuntimeSettings {
  return { duplicateShape: "409", processingWindowMs: config.processingWindowMs };
}

export function documentUrl(ctx: SandboxContext, signature: string): string {
  return `${ctx.publicUrl}/v/${signature}`;
}
