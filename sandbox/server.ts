/** `npm run sandbox`: the stand-alone provider sandbox, configured by SANDBOX_* variables. */
import { startSandbox } from "./app";
import { readOptionsFromEnv, resolveConfig } from "./config";
import { ApiKeyRegistry } from "./auth";

async function main(): Promise<void> {
  const options = readOptionsFromEnv(process.env);
  const config = resolveConfig(options);
  const sandbox = await startSandbox(options);
  console.log(`Sandbox provider listening on ${sandbox.url}`);
  console.log(`  data: ${config.dataDir}; processing window: ${config.processingWindowMs} ms; PDF font: ${config.fontPath ?? "Helvetica (transliterated)"}`);
  console.log(`  issuer VATs with a key: ${new ApiKeyRegistry(config.apiKeys).afms().map((afm) => `EL${afm}`).join(", ")} (demo key: see sandbox/README.md)`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(`Sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
