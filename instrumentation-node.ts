import "server-only";
import { ensureAuthReady } from "@/lib/auth/bootstrap";
import { installPeerAddressHeader } from "@/lib/auth/peer-address";
import { ensureSetupToken } from "@/lib/auth/setup-token";
import { getReadyDb } from "@/lib/db/ready";
import { getEnv } from "@/lib/env";

/**
 * Start-up of a Node.js server instance: note each request's socket address (for the
 * per-address sign-in limit), validate the configuration (fail fast with a clear
 * message), migrate the database, make sure the configured admin exists (or, with no user at all,
 * print the one-time first-run set-up link), and — unless this
 * instance is configured not to send — start the send worker and reconciler.
 */
export async function registerNodeServer(): Promise<void> {
  installPeerAddressHeader();
  const env = getEnv();
  const db = await getReadyDb();
  await ensureAuthReady(db);
  await ensureSetupToken(db);
  if (!env.workerEnabled) return;
  const { startBackgroundSending } = await import("@/lib/sending/start");
  await startBackgroundSending();
}
