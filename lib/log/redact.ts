import "server-only";
import { getEnv } from "@/lib/env";

const REDACTED = "[redacted]";

/** Header-like `name: value` / `name=value` pairs whose values are credentials. */
const CREDENTIAL_FIELDS = /\b(cookie|set-cookie|authorization|apikey|api-key|x-api-key|api_key|password|password_hash)(["']?\s*[:=]\s*["']?)([^"'\r\n,;}]*)/gi;
/** `name=value` of any session-named cookie (the dashboard's is `cd_session`). */
const SESSION_VALUE = /\b([\w-]*session[\w-]*)=[^;\s"',]*/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Removes secrets from text meant for a log or an audit row: every occurrence of the given
 * secret values (raw and URL-encoded), session cookies, bearer tokens and the values of
 * credential-named fields. Pure, for tests; `redact` supplies the configured secrets.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.replace(new RegExp(escapeRegExp(form), "g"), REDACTED);
    }
  }
  return out
    .replace(SESSION_VALUE, (_whole, name: string) => `${name}=${REDACTED}`)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(CREDENTIAL_FIELDS, (_whole, name: string, separator: string) => `${name}${separator}${REDACTED}`);
}

function configuredSecrets(): string[] {
  try {
    const env = getEnv();
    return [env.provider.apiKey, env.sessionSecret, env.admin?.password].filter((s): s is string => s !== undefined);
  } catch {
    return [];
  }
}

/** Any value as loggable text with the provider key, session secret, admin password and cookies removed. */
export function redact(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return redactText(text, configuredSecrets());
}

/** console.* that redacts every argument first: the one way server code should log. */
export const safeLog = {
  info: (...parts: unknown[]) => console.log(parts.map(redact).join(" ")),
  warn: (...parts: unknown[]) => console.warn(parts.map(redact).join(" ")),
  error: (...parts: unknown[]) => console.error(parts.map(redact).join(" ")),
};
