import "server-only";
import { getEnv, type Env } from "@/lib/env";
import { createProviderClient } from "@/lib/provider/impact/client";
import type { ProviderClient, ProviderClientConfig } from "@/lib/provider/client-types";

export { createProviderClient } from "@/lib/provider/impact/client";
export { classifyLookupResponse, classifySendResponse, redactApiKey } from "@/lib/provider/impact/transform";
export type * from "@/lib/provider/types";
export type * from "@/lib/provider/client-types";

let client: ProviderClient | undefined;

/** The adapter's configuration from the validated environment (also used by the stand-alone worker). */
export function providerClientConfig(provider: Env["provider"]): ProviderClientConfig {
  const { baseUrl, apiKey, connectTimeoutMs, responseTimeoutMs, portalUrl, auth, statusLookup, listToParam } = provider;
  return { baseUrl, apiKey, connectTimeoutMs, responseTimeoutMs, portalUrl, auth, statusLookup, listToParam };
}

/** The provider adapter configured from the environment, built once per process. */
export function getProviderClient(): ProviderClient {
  if (client === undefined) {
    client = createProviderClient(providerClientConfig(getEnv().provider));
  }
  return client;
}
