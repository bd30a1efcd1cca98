import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";

const holder = globalThis as typeof globalThis & { creditDeskPeerAddress?: true };

/**
 * Stamps every request the Node.js HTTP server of this process receives with its socket address
 * in `PEER_ADDRESS_HEADER` (overwriting a value the client sent), before Next sees the request.
 * Uses Node's public `http.server.request.start` diagnostics channel, which fires before the
 * server's `request` event, so it works under plain `next start` without a custom server.
 * Called once at start from instrumentation; calling it again does nothing.
 */
export function installPeerAddressHeader(): void {
  if (holder.creditDeskPeerAddress) return;
  holder.creditDeskPeerAddress = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
}
