import "server-only";

/** Why a provider call ended without a usable HTTP answer. */
export type TransportFailureReason = "connect" | "timeout" | "reset" | "malformed" | "redirect" | "unexpected";

/**
 * A transport failure, returned (never thrown) by the transport. `connected` is true once the
 * connection to the provider was open, i.e. from the moment any byte of the request could have
 * reached it: the provider may then hold the document, so the caller must look it up (or resend
 * the identical document) instead of assuming nothing happened.
 */
export interface TransportFailure {
  ok: false;
  reason: TransportFailureReason;
  connected: boolean;
  httpStatus: number | null;
  body: string | null;
  message: string;
}

/** Builds a TransportFailure. */
export function transportFailure(
  reason: TransportFailureReason,
  connected: boolean,
  message: string,
  httpStatus: number | null = null,
  body: string | null = null,
): TransportFailure {
  return { ok: false, reason, connected, httpStatus, body, message };
}

/** Socket error codes that mean the peer closed or reset the connection under us. */
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_STREAM_PREMATURE_CLOSE", "HPE_INVALID_EOF_STATE"]);

/**
 * Maps a node:http / node:net error to a failure. Before the connection is open every error is a
 * connect failure (the request cannot have been received); afterwards, resets and protocol errors
 * are told apart because a parse error means the provider did answer, only unreadably.
 */
export function failureFromSocketError(error: unknown, connected: boolean): TransportFailure {
  const code = errorCode(error);
  const text = error instanceof Error ? error.message : String(error);
  const message = code === undefined ? text : `${code}: ${text}`;
  if (!connected) return transportFailure("connect", false, message);
  if (code !== undefined && RESET_CODES.has(code)) return transportFailure("reset", true, message);
  if (code === "ETIMEDOUT") return transportFailure("timeout", true, message);
  if (code?.startsWith("HPE_")) return transportFailure("malformed", true, message);
  return transportFailure("unexpected", true, message);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === "string" ? code : undefined;
}
