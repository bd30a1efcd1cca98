import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { isFirstRun } from "@/lib/auth/user-admin";
import type { Db } from "@/lib/db/schema";

/**
 * The one-time token that opens first-run set-up (as Grafana and Jenkins do): generated while
 * there is no user, printed once to the server log, and required by the /setup page
 * (`/setup?token=…`) and by `POST /api/setup`. Without it both answer 404, so whoever reaches a
 * fresh instance first over the network cannot make themselves its administrator — only someone
 * who can read the log can. Kept in this process's memory: with several instances, run the
 * first start with one, or set ADMIN_EMAIL / ADMIN_PASSWORD instead.
 */
const holder = globalThis as typeof globalThis & { creditDeskSetupToken?: string };

/** The line the token is printed on; scripts/start.mjs looks for it. */
export function setupTokenLine(token: string, baseUrl = ""): string {
  return `[setup] No user yet. Create the first administrator at ${baseUrl}/setup?token=${token} (one-time link; it stops working once a user exists).`;
}

/**
 * While there is no user: the set-up token, generated and printed on first call. Undefined once
 * any user exists (the token is then forgotten).
 */
export async function ensureSetupToken(db: Db, options: { log?: (line: string) => void; baseUrl?: string } = {}): Promise<string | undefined> {
  if (!(await isFirstRun(db))) {
    holder.creditDeskSetupToken = undefined;
    return undefined;
  }
  if (holder.creditDeskSetupToken === undefined) {
    const token = randomBytes(24).toString("base64url");
    holder.creditDeskSetupToken = token;
    (options.log ?? console.log)(setupTokenLine(token, options.baseUrl));
  }
  return holder.creditDeskSetupToken;
}

/** Forgets the token once the first administrator exists. */
export function forgetSetupToken(): void {
  holder.creditDeskSetupToken = undefined;
}

/**
 * True when set-up is open (no user yet) and `candidate` is its token. On a first request before
 * start-up printed one, a token is generated and printed now (and this request is refused).
 */
export async function isValidSetupToken(db: Db, candidate: unknown): Promise<boolean> {
  const token = await ensureSetupToken(db);
  if (token === undefined || typeof candidate !== "string") return false;
  const given = Buffer.from(candidate);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
