import { safeLog } from "@/lib/log/redact";

/** Who did (or was refused) something: a signed-in user (kept as their e-mail), an e-mail, or null for the system. */
type Actor = { email: string } | string | null;

/** A request turned away before its handler did anything. */
export interface Refusal {
  correlationId: string;
  method: string;
  /** The path only: query strings may carry search terms. */
  path: string;
  status: 401 | 403 | 429;
  /** Why, as a code: `unauthorized`, `forbidden`, `cross_origin:<reason>`, `rate_limited:<scope>`. */
  reason: string;
  /** Who was refused, when known. */
  actor?: Actor;
}

/** One log line per refused request, with its correlation id (the one the answer carries). */
export function logRefusal(refusal: Refusal): void {
  const who = refusal.actor === undefined || refusal.actor === null ? "" : ` by ${typeof refusal.actor === "string" ? refusal.actor : refusal.actor.email}`;
  safeLog.warn(`[security] ${refusal.correlationId} refused ${refusal.method} ${refusal.path} with ${refusal.status}: ${refusal.reason}${who}`);
}
