import "server-only";
import { checkOrigin, type OriginVerdict } from "@/lib/auth/origin";
import { getEnv } from "@/lib/env";

/** The cross-site request forgery guard with the configured public URL (APP_URL), for route wrappers. */
export function checkRequestOrigin(request: { method: string; url: string; headers: Headers }): OriginVerdict {
  return checkOrigin(request, { appUrl: getEnv().appUrl });
}
