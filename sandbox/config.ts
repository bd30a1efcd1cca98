/**
 * Sandbox configuration. The sandbox is not part of the Next app, so it reads its own
 * SANDBOX_* variables here; startSandbox() takes the same settings as options.
 */
import { existsSync } from "node:fs";
import {
  SANDBOX_DEFAULT_ACCESS_TOKEN_TTL_MS, SANDBOX_DEFAULT_API_KEYS, SANDBOX_DEFAULT_DATA_DIR, SANDBOX_DEFAULT_DELAYED_REGISTER_MS,
  SANDBOX_DEFAULT_DELAYED_TIMEOUT_MS, SANDBOX_DEFAULT_DOCUMENTS_PAGE_SIZE, SANDBOX_DEFAULT_HOST, SANDBOX_DEFAULT_PORT,
  SANDBOX_DEFAULT_PROCESSING_WINDOW_MS, SANDBOX_DEFAULT_RESEND_LOCK_MS,
} from "./defaults";

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** "VAT:key,VAT:key" */
  apiKeys?: string;
  dataDir?: string;
  processingWindowMs?: number;
  /** Base of document urls and the portal `domain`; defaults to http://127.0.0.1:<port>. */
  publicUrl?: string;
  delayedTimeoutMs?: number;
  /** When a FAKE_IAPR_DELAYED_TIMEOUT document is registered, counted from its arrival. */
  delayedRegisterMs?: number;
  /** How long a series|number stays locked after the save-error 500. */
  resendLockMs?: number;
  /** Rows per page of the portal document list. */
  documentsPageSize?: number;
  /** Lifetime of a login's access token. */
  accessTokenTtlMs?: number;
  /** TTF used for PDFs; null forces the built-in Helvetica with transliterated Greek. */
  fontPath?: string | null;
  /** Store the invoices "sent by the ERP" (sandbox/erp-seed.ts) for every keyed issuer, also after a store reset. */
  seedErp?: boolean;
}

export interface SandboxConfig {
  port: number;
  host: string;
  apiKeys: string;
  dataDir: string;
  processingWindowMs: number;
  publicUrl: string | null;
  delayedTimeoutMs: number;
  delayedRegisterMs: number;
  resendLockMs: number;
  documentsPageSize: number;
  accessTokenTtlMs: number;
  fontPath: string | null;
  seedErp: boolean;
}

const FONT_CANDIDATES = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  "/usr/share/fonts/liberation/LiberationSans-Regular.ttf",
];

/** The first installed Unicode font with Greek glyphs, or null. */
export function findUnicodeFont(): string | null {
  return FONT_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function readInteger(env: Record<string, string | undefined>, name: string, min: number, max: number): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

function readText(env: Record<string, string | undefined>, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === "" ? undefined : raw;
}

/** Options from SANDBOX_* variables; throws with the variable's name when one is malformed. */
export function readOptionsFromEnv(env: Record<string, string | undefined>): SandboxOptions {
  const publicUrl = readText(env, "SANDBOX_PUBLIC_URL");
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicUrl)) {
    throw new Error(`SANDBOX_PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
  }
  const fontPath = readText(env, "SANDBOX_FONT_PATH");
  return {
    port: readInteger(env, "SANDBOX_PORT", 0, 65_535),
    host: readText(env, "SANDBOX_HOST"),
    apiKeys: readText(env, "SANDBOX_API_KEYS"),
    dataDir: readText(env, "SANDBOX_DATA_DIR"),
    processingWindowMs: readInteger(env, "SANDBOX_PROCESSING_WINDOW_MS", 0, 86_400_000),
    publicUrl,
    delayedTimeoutMs: readInteger(env, "SANDBOX_DELAYED_TIMEOUT_MS", 0, 600_000),
    delayedRegisterMs: readInteger(env, "SANDBOX_DELAYED_REGISTER_MS", 0, 600_000),
    resendLockMs: readInteger(env, "SANDBOX_RESEND_LOCK_MS", 0, 86_400_000),
    documentsPageSize: readInteger(env, "SANDBOX_DOCUMENTS_PAGE_SIZE", 1, 10_000),
    accessTokenTtlMs: readInteger(env, "SANDBOX_ACCESS_TOKEN_TTL_MS", 1, 86_400_000),
    ...(fontPath === undefined ? {} : { fontPath: fontPath === "none" ? null : fontPath }),
    ...(env.SANDBOX_SEED_ERP === undefined ? {} : { seedErp: env.SANDBOX_SEED_ERP.trim() === "1" }),
  };
}

export function resolveConfig(options: SandboxOptions): SandboxConfig {
  return {
    port: options.port ?? SANDBOX_DEFAULT_PORT,
    host: options.host ?? SANDBOX_DEFAULT_HOST,
    apiKeys: options.apiKeys ?? SANDBOX_DEFAULT_API_KEYS,
    dataDir: options.dataDir ?? SANDBOX_DEFAULT_DATA_DIR,
    processingWindowMs: options.processingWindowMs ?? SANDBOX_DEFAULT_PROCESSING_WINDOW_MS,
    publicUrl: options.publicUrl?.replace(/\/+$/, "") ?? null,
    delayedTimeoutMs: options.delayedTimeoutMs ?? SANDBOX_DEFAULT_DELAYED_TIMEOUT_MS,
    delayedRegisterMs: options.delayedRegisterMs ?? SANDBOX_DEFAULT_DELAYED_REGISTER_MS,
    resendLockMs: options.resendLockMs ?? SANDBOX_DEFAULT_RESEND_LOCK_MS,
    documentsPageSize: options.documentsPageSize ?? SANDBOX_DEFAULT_DOCUMENTS_PAGE_SIZE,
    accessTokenTtlMs: options.accessTokenTtlMs ?? SANDBOX_DEFAULT_ACCESS_TOKEN_TTL_MS,
    fontPath: options.fontPath === undefined ? findUnicodeFont() : options.fontPath,
    seedErp: options.seedErp ?? false,
  };
}
