import type { HeaderSource } from "@/lib/http/origin";

/**
 * The request header carrying the TCP peer's address. Next's `next start` keeps no trace of the
 * socket once a client sends its own `X-Forwarded-For` (it fills that header only when absent),
 * so lib/auth/peer-address.ts writes the socket address here for every request the Node.js HTTP
 * server receives, overwriting whatever a client sent under this name.
 */
export const PEER_ADDRESS_HEADER = "x-credit-desk-peer";

const MAX_ADDRESS_CHARS = 64;

function normalize(address: string | undefined | null): string | undefined {
  const trimmed = address?.trim().replace(/^\[|\]$/g, "") ?? "";
  if (trimmed === "") return undefined;
  // An IPv4 client seen through a dual-stack socket.
  return trimmed.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, MAX_ADDRESS_CHARS);
}

/**
 * The caller's network address, for per-address rate limiting and the audit log.
 *
 * - `trustProxy` 0 (the default): the socket address; `X-Forwarded-For` is ignored, because any
 *   client can write it.
 * - `trustProxy` N: the N-th `X-Forwarded-For` entry from the right — each trusted proxy appends
 *   the address it saw, so that entry is what the outermost trusted proxy vouches for. Entries
 *   further left were written by the client and are ignored. With fewer entries than N the
 *   left-most one is used.
 *
 * Capped in length because it becomes a database key; "unknown" when nothing is known.
 */
export function clientAddress(headers: HeaderSource, options: { trustProxy: number }): string {
  const peer = normalize(headers.get(PEER_ADDRESS_HEADER));
  if (options.trustProxy <= 0) return peer ?? "unknown";
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const vouched = entries[entries.length - options.trustProxy] ?? entries[0];
  return normalize(vouched) ?? peer ?? "unknown";
}
