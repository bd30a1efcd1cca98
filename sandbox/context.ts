/** Everything a request handler needs, created once per running sandbox. */
import type { ApiKeyRegistry, TokenStore } from "./auth";
import type { SandboxConfig } from "./config";
import type { RuntimeSettings } from "./control-types";
import type { FaultQueue } from "./faults";
import type { RequestLog } from "./request-log";
import type { SandboxStore } from "./store";
import type { StoredDocument } from "./types";

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
  return {
    duplicateShape: "409", processingWindowMs: config.processingWindowMs, delayedTimeoutMs: config.delayedTimeoutMs,
    delayedRegisterMs: config.delayedRegisterMs, resendLockMs: config.resendLockMs, documentsPageSize: config.documentsPageSize,
    accessTokenTtlMs: config.accessTokenTtlMs,
  };
}

/** The document's portal page, `{portal}/f/EL{afm}/{uid}/{token}`, as the provider links it. */
export function documentUrl(ctx: SandboxContext, doc: Pick<StoredDocument, "issuerAfm" | "uid" | "signature">): string {
  return `${ctx.publicUrl}/f/EL${doc.issuerAfm}/${doc.uid}/${doc.signature}`;
}

/** An AADE-style QR link (`…/TimologioQR/QRInfo?q=…`); the sandbox answers it with the document page. */
export function qrUrl(ctx: SandboxContext, doc: Pick<StoredDocument, "signature">): string {
  return `${ctx.publicUrl}/TimologioQR/QRInfo?q=${encodeURIComponent(Buffer.from(doc.signature, "hex").toString("base64"))}`;
}
