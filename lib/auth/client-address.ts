import type { HeaderSource } from "@/lib/http/origin";

/**
 * The caller's network address for per-address rate limiting. Next fills `X-Forwarded-For`
 * from the socket when the request has none; a reverse proxy appends the address it saw, so the
 * right-most entry is the one the nearest trusted hop vouches for. Capped in length because it
 * becomes a database key.
 */
export function clientAddress(headers: HeaderSource): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const last = entries[entries.length - 1] ?? headers.get("x-real-ip")?.trim() ?? "";
  return last === "" ? "unknown" : last.slice(0, 64);
}
