import fc from "fast-check";
import type { LookupOutcome, SendOutcome } from "@/lib/provider/types";
import type { MachineContext } from "@/lib/sending/state-machine";
import { DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";
import type { OurIdentity } from "@/lib/sending/provider-match";

/** Provider answers as the adapter reports them, one of each kind the machine distinguishes. */
export const send = {
  accepted: (mark = "400000000000001"): SendOutcome => ({
    kind: "accepted", httpStatus: 201, body: "{}", mark, uid: "UID1", authenticationCode: "AUTH1", url: "https://portal/v/1",
  }),
  rejected: (): SendOutcome => ({
    kind: "rejected", httpStatus: 400, body: "{}", message: "Aade Validation Error", isAadeError: true,
    errors: [{ code: "229", message: "VAT total mismatch", field: "Details[0].VATTotal" }],
  }),
  unauthorized: (): SendOutcome => ({ kind: "unauthorized", httpStatus: 401, body: "", message: "key does not match" }),
  /** A duplicate answer without the stored document (older shape). */
  duplicate: (): SendOutcome => ({ kind: "duplicate", httpStatus: 409, body: "{}", message: "already transmitted", registered: null }),
  /** A 409 carrying the stored document; ours unless `extra` says otherwise. */
  duplicateWith: (extra: Record<string, string> = {}): SendOutcome => ({
    kind: "duplicate", httpStatus: 409, body: "{}", message: "Successfully submitted to IAPR",
    registered: { mark: "400000000000009", uid: "UID9", authenticationCode: "AUTH9", url: "https://portal/f/9", qrUrl: "https://aade/qr/9", internalId: ours.internalId, series: ours.series, number: ours.number, ...extra },
  }),
  unavailable: (httpStatus = 503, retryAfterMs: number | null = null): SendOutcome => ({
    kind: "unavailable", httpStatus, body: "{}", message: "IAPR Timeout", retryAfterMs, registered: "maybe",
  }),
  /** 500 "Please resend.": nothing registered, the number locked for a while. */
  notRegistered: (retryAfterMs: number | null = null): SendOutcome => ({
    kind: "unavailable", httpStatus: 500, body: "{}", message: "Could not accept document. Please resend.", retryAfterMs, registered: "no",
  }),
  locked: (): SendOutcome => ({ kind: "locked", httpStatus: 408, body: "{}", message: "Document T1|7 with InternalId x is already being transmitted.", retryAfterMs: null }),
  creditMade: (): SendOutcome => ({ kind: "accepted_without_mark", httpStatus: 201, body: "{}", message: "credit made" }),
  ambiguous: (reason: "connect" | "timeout" | "reset" | "malformed" | "redirect" | "unexpected", connected: boolean): SendOutcome => ({
    kind: "ambiguous", reason, httpStatus: reason === "malformed" ? 201 : null, body: null, message: reason, connected,
  }),
};

export const ours: OurIdentity = { internalId: "11111111-1111-4111-8111-111111111111", series: "T1", number: "7", mark: null };

export const lookup = {
  accepted: (extra: Partial<Extract<LookupOutcome, { kind: "found" }>> = {}): LookupOutcome => ({
    kind: "found", status: "accepted", httpStatus: 200, body: "{}", message: null, errors: [],
    mark: "400000000000001", uid: "UID1", authenticationCode: "AUTH1", url: "https://portal/v/1", internalId: ours.internalId, ...extra,
  }),
  processing: (): LookupOutcome => ({ kind: "found", status: "processing", httpStatus: 200, body: "{}", message: null, errors: [], internalId: ours.internalId }),
  rejected: (): LookupOutcome => ({
    kind: "found", status: "rejected", httpStatus: 200, body: "{}", message: "rejected", internalId: ours.internalId,
    errors: [{ code: "229", message: "VAT total mismatch", field: null }],
  }),
  notFound: (): LookupOutcome => ({ kind: "not_found", httpStatus: 404, body: "" }),
  unavailable: (): LookupOutcome => ({ kind: "unavailable", httpStatus: 503, body: "", message: "down" }),
  ambiguous: (): LookupOutcome => ({ kind: "ambiguous", reason: "timeout", httpStatus: null, body: null, message: "timeout", connected: true }),
};

export const NOW = new Date("2025-06-01T10:00:00.000Z");

export function context(overrides: Partial<MachineContext> = {}): MachineContext {
  return {
    now: NOW,
    deadlineAt: new Date(NOW.getTime() + 3_600_000),
    sendsUsed: 1,
    attemptCount: 1,
    retryStep: 0,
    random: 0.5,
    policy: DEFAULT_SENDING_POLICY,
    ours,
    ...overrides,
  };
}

const reasons = ["connect", "timeout", "reset", "malformed", "redirect", "unexpected"] as const;

export const sendOutcomeArb: fc.Arbitrary<SendOutcome> = fc.oneof(
  fc.constant(send.accepted()),
  fc.constant(send.rejected()),
  fc.constant(send.unauthorized()),
  fc.constant(send.duplicate()),
  fc.constant(send.duplicateWith()),
  fc.constant(send.duplicateWith({ internalId: "ERP-1" })),
  fc.constant(send.locked()),
  fc.constant(send.creditMade()),
  fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: null }).map((retry) => send.notRegistered(retry)),
  fc.tuple(fc.constantFrom(408, 500, 502, 503), fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: null })).map(([status, retry]) => send.unavailable(status, retry)),
  fc.tuple(fc.constantFrom(...reasons), fc.boolean()).map(([reason, connected]) => send.ambiguous(reason, connected)),
);

export const lookupOutcomeArb: fc.Arbitrary<LookupOutcome> = fc.oneof(
  fc.constant(lookup.accepted()),
  fc.constant(lookup.accepted({ internalId: "someone-else" })),
  fc.constant(lookup.accepted({ number: "8" })),
  fc.constant(lookup.processing()),
  fc.constant(lookup.rejected()),
  fc.constant(lookup.notFound()),
  fc.constant(lookup.unavailable()),
  fc.constant(lookup.ambiguous()),
);
