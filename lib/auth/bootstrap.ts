import "server-only";
import { randomUUID } from "node:crypto";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/audit/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { normalizeEmail } from "@/lib/auth/input";
import { findUserByEmail, insertUser, updateUser, deleteSessionsOfUser } from "@/lib/db/auth-queries";
import { isUniqueViolation } from "@/lib/db/dialect-helpers";
import { migrateToLatest } from "@/lib/db/migrate";
import type { Db } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";

export type BootstrapOutcome = "not_configured" | "created" | "updated" | "unchanged";

/**
 * Makes the admin named by ADMIN_EMAIL / ADMIN_PASSWORD exist: created when missing; otherwise
 * made an enabled admin again and, when the password no longer matches, given the configured one
 * (its other sessions end). Idempotent and safe when several instances start at once. Call it at
 * start, after migrations.
 */
export async function ensureConfiguredAdmin(
  db: Db,
  admin: { email: string; password: string } | undefined = getEnv().admin,
  now: Date = new Date(),
): Promise<BootstrapOutcome> {
  if (admin === undefined) return "not_configured";
  const email = normalizeEmail(admin.email);
  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await findUserByEmail(db, { email });
    if (existing === undefined) {
      try {
        await db.transaction().execute(async (tx) => {
          await insertUser(tx, {
            id: randomUUID(),
            email,
            name: "Administrator",
            role: "admin",
            password_hash: await hashPassword(admin.password),
            disabled: 0,
            created_at: now.toISOString(),
          });
          await recordAudit(tx, { actor: null, action: AUDIT_ACTIONS.userBootstrap, target: email, detail: { created: true } }, now);
        });
        return "created";
      } catch (error) {
        // Another instance created it a moment ago: go round once more and update instead.
        if (isUniqueViolation(error) && attempt === 0) continue;
        throw error;
      }
    }
    const changes: string[] = [];
    const patch: Parameters<typeof updateUser>[1]["patch"] = {};
    if (existing.role !== "admin") {
      patch.role = "admin";
      changes.push("role");
    }
    if (Number(existing.disabled) !== 0) {
      patch.disabled = 0;
      changes.push("enabled");
    }
    const passwordMatches = await verifyPassword(admin.password, existing.password_hash);
    if (!passwordMatches) {
      patch.password_hash = await hashPassword(admin.password);
      changes.push("password");
    }
    if (changes.length === 0) return "unchanged";
    await db.transaction().execute(async (tx) => {
      await updateUser(tx, { id: existing.id, patch });
      if (!passwordMatches) await deleteSessionsOfUser(tx, { userId: existing.id });
      await recordAudit(tx, { actor: null, action: AUDIT_ACTIONS.userBootstrap, target: email, detail: { changed: changes } }, now);
    });
    return "updated";
  }
  return "unchanged";
}

/** Per database handle, so that every bundle of the server (and each test database) shares one run. */
const holder = globalThis as typeof globalThis & { creditDeskAuthReady?: WeakMap<Db, Promise<void>> };

/**
 * Once per process, before the first sign-in or session check: brings the schema up to date
 * (a no-op after start-up did) and applies ADMIN_EMAIL / ADMIN_PASSWORD, so sign-in works even
 * when nothing ran at start. A failure is not remembered: the next request tries again.
 */
export function ensureAuthReady(db: Db): Promise<void> {
  const runs = (holder.creditDeskAuthReady ??= new WeakMap());
  let run = runs.get(db);
  if (run === undefined) {
    run = (async () => {
      await migrateToLatest(db);
      await ensureConfiguredAdmin(db);
    })().catch((error: unknown) => {
      runs.delete(db);
      throw error;
    });
    runs.set(db, run);
  }
  return run;
}
