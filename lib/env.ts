import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

/**
 * The built-in sandbox provider's public port and demo key, used when IMPACT_BASE_URL is unset.
 * The sandbox is a separate program with the same constants in sandbox/defaults.ts (a test keeps
 * them equal); the key unlocks nothing but the local sandbox.
 */
export const SANDBOX_DEFAULT_PORT = 4010;
export const SANDBOX_DEMO_API_KEY = "sandbox-demo-key-094259216";

/** Where documents go; shown loudly in the UI. */
export type ProviderEnvironment = "SANDBOX" | "UAT" | "PRODUCTION";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/**
 * The sign-in password policy (lib/auth/password-policy.ts, which this file cannot import) applied
 * to ADMIN_PASSWORD: on the common list, bare or padded with digits and symbols. A test keeps both
 * in agreement.
 */
function isCommonPassword(password: string): boolean {
  const lower = password.normalize("NFC").toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  const common = dictionary["passwords-common"];
  return common.includes(lower) || (core !== "" && common.includes(core));
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  IMPACT_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  IMPACT_API_KEY: optionalText,
  SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(SANDBOX_DEFAULT_PORT),
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/credit-desk.sqlite")
    .refine((value) => /^(file:|postgres:\/\/|postgresql:\/\/)/.test(value), {
      message: "must start with file: or postgres://",
    }),
  SESSION_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional()),
  ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalText.pipe(
    z
      .string()
      .min(12, "must be at least 12 characters")
      .refine((value) => !isCommonPassword(value), "is one of the most common passwords; choose another")
      .optional(),
  ),
  /** Set to "0" to run an instance that serves pages but never sends (e.g. a read replica). */
  CREDIT_DESK_WORKER: z.enum(["0", "1"]).default("1"),
  /** Connect and response timeouts of provider calls, in milliseconds. */
  IMPACT_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  IMPACT_RESPONSE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Host of the provider portal's document list; derived from IMPACT_BASE_URL when unset. */
  IMPACT_PORTAL_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** `apikey` sends the APIKey header; `bearer` logs in and refreshes tokens. */
  IMPACT_AUTH: z.enum(["apikey", "bearer"]).default("apikey"),
  /** `1` lets findDocument ask `GET /MyData/status` (contract unknown) instead of the document list. */
  IMPACT_STATUS_LOOKUP: z.enum(["0", "1"]).default("0"),
  /** Name of the document list's end-date query parameter (`To` observed, `dateTo` in one client's notes). */
  IMPACT_DOCUMENT_LIST_TO_PARAM: z.enum(["To", "dateTo"]).default("To"),
  /** Reverse proxies in front of the dashboard whose X-Forwarded-For entries are believed; 0 = none. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** The dashboard's public URL (https://desk.example.gr); state changes must come from this origin. */
  APP_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
});

export interface Env {
  nodeEnv: "development" | "production" | "test";
  port: number;
  provider: {
    baseUrl: string;
    apiKey: string;
    /** Host of the document list (and of the documents' portal pages). */
    portalUrl: string;
    auth: "apikey" | "bearer";
    /** Whether the unconfirmed status look-up is switched on (off by default). */
    statusLookup: boolean;
    listToParam: "To" | "dateTo";
    environment: ProviderEnvironment;
    isSandbox: boolean;
    connectTimeoutMs: number;
    responseTimeoutMs: number;
  };
  databaseUrl: string;
  sessionSecret: string | undefined;
  admin: { email: string; password: string } | undefined;
  workerEnabled: boolean;
  /** How many reverse proxies append to X-Forwarded-For; 0 means the socket address is the client's. */
  trustProxy: number;
  /** The public origin (`https://desk.example.gr`), or undefined to use each request's Host. */
  appUrl: string | undefined;
}

/** Thrown once at start when the configuration is unusable; the message names every bad variable. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

function classifyEnvironment(baseUrl: string, isSandbox: boolean): ProviderEnvironment {
  if (isSandbox) return "SANDBOX";
  const host = new URL(baseUrl).hostname;
  if (/uat|demo|test/i.test(host)) return "UAT";
  if (host === "127.0.0.1" || host === "localhost") return "SANDBOX";
  return "PRODUCTION";
}

/** The provider's portal host for an API host: UAT and production are known; anything else (the sandbox) serves both. */
export function defaultPortalUrl(baseUrl: string): string {
  const host = new URL(baseUrl).hostname.toLowerCase();
  if (host === "einvoiceapiuat.impact.gr") return "https://einvoiceportaluat.impact.gr";
  if (host === "einvoiceapi.impact.gr") return "https://einvoice.impact.gr";
  return baseUrl;
}

/** Parses a process environment into the app's configuration; pure, so tests can call it. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const isSandbox = raw.IMPACT_BASE_URL === undefined;
  const baseUrl = (raw.IMPACT_BASE_URL ?? `http://127.0.0.1:${raw.SANDBOX_PORT}`).replace(/\/+$/, "");
  const apiKey = raw.IMPACT_API_KEY ?? (isSandbox ? SANDBOX_DEMO_API_KEY : undefined);
  if (apiKey === undefined) {
    throw new ConfigurationError("Invalid configuration:\n  IMPACT_API_KEY: required when IMPACT_BASE_URL is set");
  }
  if ((raw.ADMIN_EMAIL === undefined) !== (raw.ADMIN_PASSWORD === undefined)) {
    throw new ConfigurationError("Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be set together");
  }
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    provider: {
      baseUrl,
      apiKey,
      portalUrl: (raw.IMPACT_PORTAL_URL ?? defaultPortalUrl(baseUrl)).replace(/\/+$/, ""),
      auth: raw.IMPACT_AUTH,
      statusLookup: raw.IMPACT_STATUS_LOOKUP === "1",
      listToParam: raw.IMPACT_DOCUMENT_LIST_TO_PARAM,
      environment: classifyEnvironment(baseUrl, isSandbox),
      isSandbox,
      connectTimeoutMs: raw.IMPACT_CONNECT_TIMEOUT_MS,
      responseTimeoutMs: raw.IMPACT_RESPONSE_TIMEOUT_MS,
    },
    databaseUrl: raw.DATABASE_URL,
    sessionSecret: raw.SESSION_SECRET,
    admin:
      raw.ADMIN_EMAIL !== undefined && raw.ADMIN_PASSWORD !== undefined
        ? { email: raw.ADMIN_EMAIL, password: raw.ADMIN_PASSWORD }
        : undefined,
    workerEnabled: raw.CREDIT_DESK_WORKER === "1",
    trustProxy: raw.TRUST_PROXY,
    appUrl: raw.APP_URL === undefined ? undefined : new URL(raw.APP_URL).origin,
  };
}

let cached: Env | undefined;

/** The validated configuration, read from process.env once per process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True inside the Node.js server runtime (not the edge runtime, not the build). */
export function isNodeServerRuntime(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}
