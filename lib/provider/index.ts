import "server-only";
import { getEnv } from "@/lib/env";
import { createProviderClient } from "@/lib/provider/impact/client";
import type { ProviderClient } from "@/lib/provider/client-types";

export { createProviderClient } from "@/lib/provider/impact/client";
export { classifyLookupResponse, classifySendResponse, redactApiKey } from "@/lib/provider/impact/transform";
export type * from "@/lib/provider/types";
export type * from "@/lib/provider/client-types";

let client: ProviderClient | undefined;

/** The provider adapter configured from the environment, built once per process. */
export function getProviderClient(): ProviderClient {
  if (client === undefined) {
    const { baseUrl, apiKey, connectTimeoutMs, responseTimeoutMs } = getEnv().provider;
    client = createProviderClient({ baseUrl, apiKey, connectTimeoutMs, responseTimeoutMs });
  }
  return client;
}
