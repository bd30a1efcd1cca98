/**
 * Runs once when a server instance starts: in the Node.js server runtime, with sending enabled
 * (CREDIT_DESK_WORKER, default on), it migrates the database and starts the send worker and
 * reconciler of this process. Everything is imported inside register() so that nothing of
 * the database or provider layers is loaded in other runtimes.
 */
export async function register(): Promise<void> {
  const { getEnv, isNodeServerRuntime } = await import("@/lib/env");
  if (!isNodeServerRuntime() || !getEnv().workerEnabled) return;
  const { startBackgroundSending } = await import("@/lib/sending/start");
  await startBackgroundSending();
}
