/**
 * Runs once when a server instance starts. The Node.js work lives in instrumentation-node.ts;
 * the literal NEXT_RUNTIME comparison below is how Next drops that import (and with it the
 * database drivers) from the edge bundle, so it is the one read of the environment kept
 * outside lib/env.ts on purpose.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNodeServer } = await import("./instrumentation-node");
    await registerNodeServer();
  }
}
