import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocumentStatus, NextAction } from "@/lib/db/schema";
import { IllegalTransitionError } from "@/lib/sending/errors";
import { DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";
import { nextState, type MachineEvent, type MachineState } from "@/lib/sending/state-machine";
import { context, lookup, lookupOutcomeArb, NOW, ours, send, sendOutcomeArb } from "@/tests/unit/sending/outcomes";

const STATES: MachineState[] = [
  { status: "queued", nextAction: "send" },
  { status: "sending", nextAction: null },
  { status: "unknown", nextAction: "lookup" },
  { status: "unknown", nextAction: "send" },
  { status: "unknown", nextAction: "confirm_duplicate" },
  { status: "unknown", nextAction: "await_listing" },
  { status: "accepted", nextAction: null },
  { status: "rejected", nextAction: null },
  { status: "needs_attention", nextAction: null },
];

const EVENTS: MachineEvent[] = [
  { type: "send_started" },
  { type: "sent", outcome: send.accepted() },
  { type: "looked_up", outcome: lookup.notFound() },
  { type: "lease_expired" },
  { type: "retry_requested" },
];

const key = (s: MachineState) => `${s.status}/${s.nextAction ?? "-"}`;

/** Which (state, event type) pairs are defined; everything else must throw. */
const LEGAL: Record<string, MachineEvent["type"][]> = {
  "queued/send": ["send_started"],
  "sending/-": ["sent", "lease_expired"],
  "unknown/lookup": ["looked_up", "retry_requested"],
  "unknown/send": ["send_started", "retry_requested"],
  "unknown/confirm_duplicate": ["looked_up", "retry_requested"],
  "unknown/await_listing": ["looked_up", "retry_requested"],
  "accepted/-": [],
  "rejected/-": [],
  "needs_attention/-": ["retry_requested"],
};

describe("nextState: which transitions exist", () => {
  for (const state of STATES) {
    for (const event of EVENTS) {
      const legal = LEGAL[key(state)]?.includes(event.type) ?? false;
      it(`${key(state)} on ${event.type} is ${legal ? "defined" : "illegal"}`, () => {
        const run = () => nextState(state, event, context());
        if (legal) expect(run).not.toThrow();
        else expect(run).toThrow(IllegalTransitionError);
      });
    }
  }
});

describe("nextState: answers to a send", () => {
  const sending: MachineState = { status: "sending", nextAction: null };

  it("201 → accepted with MARK, UID, authentication code and URL", () => {
    const t = nextState(sending, { type: "sent", outcome: send.accepted("42") }, context());
    expect(t).toMatchObject({ status: "accepted", nextAction: null, delayMs: null, accepted: { mark: "42", uid: "UID1", authenticationCode: "AUTH1", url: "https://portal/v/1" } });
  });

  it("400 → rejected, errors kept, nothing scheduled", () => {
    const t = nextState(sending, { type: "sent", outcome: send.rejected() }, context());
    expect(t).toMatchObject({ status: "rejected", nextAction: null, delayMs: null, error: { kind: "rejected", httpStatus: 400, isAadeError: true } });
    expect(t.error?.errors[0]?.code).toBe("229");
  });

  it("401 → rejected, never retried", () => {
    expect(nextState(sending, { type: "sent", outcome: send.unauthorized() }, context())).toMatchObject({ status: "rejected", delayMs: null, reason: "unauthorized" });
  });

  it("201 carrying AADE's QR link → accepted keeps it", () => {
    const outcome = { ...send.accepted("42"), qrUrl: "https://aade/qr/42" } as const;
    expect(nextState(sending, { type: "sent", outcome }, context())).toMatchObject({ status: "accepted", accepted: { mark: "42", qrUrl: "https://aade/qr/42" } });
  });

  it("409 carrying our stored document (internal id, series, number) → accepted with its MARK", () => {
    expect(nextState(sending, { type: "sent", outcome: send.duplicateWith() }, context())).toMatchObject({
      status: "accepted", reason: "duplicate_confirmed", accepted: { mark: "400000000000009", uid: "UID9", qrUrl: "https://aade/qr/9" },
    });
  });

  it.each([["internal id", { internalId: "ERP-77120" }], ["series", { series: "A" }], ["number", { number: "8" }]])(
    "409 carrying another document (other %s) → needs_attention, its MARK not taken",
    (_what, other) => {
      const t = nextState(sending, { type: "sent", outcome: send.duplicateWith(other) }, context());
      expect(t).toMatchObject({ status: "needs_attention", reason: "duplicate_other_document", error: { kind: "mismatch" } });
      expect(t.accepted).toBeUndefined();
      expect(t.error?.message).toContain("400000000000009");
    },
  );

  it("409 without the stored document → unknown, confirm it in the document list at once", () => {
    expect(nextState(sending, { type: "sent", outcome: send.duplicate() }, context())).toMatchObject({ status: "unknown", nextAction: "confirm_duplicate", delayMs: 0 });
    const partial = send.duplicateWith({ internalId: "" });
    expect(nextState(sending, { type: "sent", outcome: partial }, context())).toMatchObject({ status: "unknown", nextAction: "confirm_duplicate" });
  });

  it("408 IAPR Timeout / 5xx → unknown, the identical document is sent again after a jittered back-off", () => {
    const t = nextState(sending, { type: "sent", outcome: send.unavailable(408) }, context({ retryStep: 2, random: 0.5 }));
    expect(t).toMatchObject({ status: "unknown", nextAction: "send", retryStep: 3 });
    expect(t.delayMs).toBe(Math.floor(0.5 * DEFAULT_SENDING_POLICY.backoffBaseMs * 4));
  });

  it("408 IAPR Timeout on a credit of an existing document → look in the document list first", () => {
    expect(nextState(sending, { type: "sent", outcome: send.unavailable(408) }, context({ kind: "credit_existing" }))).toMatchObject({ status: "unknown", nextAction: "lookup" });
  });

  it("408 already being transmitted → send the identical document after the lock, recording no error", () => {
    const t = nextState(sending, { type: "sent", outcome: send.locked() }, context({ retryStep: 3 }));
    expect(t).toMatchObject({ status: "unknown", nextAction: "send", delayMs: DEFAULT_SENDING_POLICY.lockWaitMs, retryStep: 3, reason: "provider_locked" });
    expect(t.error).toBeUndefined();
  });

  it("408 already being transmitted does not use up the send budget", () => {
    expect(nextState(sending, { type: "sent", outcome: send.locked() }, context({ sendsUsed: 99 }))).toMatchObject({ status: "unknown", nextAction: "send" });
  });

  it("500 Please resend → nothing registered: send again once the number's lock is over", () => {
    const t = nextState(sending, { type: "sent", outcome: send.notRegistered() }, context());
    expect(t).toMatchObject({ status: "unknown", nextAction: "send", delayMs: DEFAULT_SENDING_POLICY.lockWaitMs, error: { kind: "unavailable", httpStatus: 500 } });
  });

  it("/Invoice/credit answered {} → wait for the credit in the document list, not an error", () => {
    const t = nextState(sending, { type: "sent", outcome: send.creditMade() }, context({ kind: "credit_existing" }));
    expect(t).toMatchObject({ status: "unknown", nextAction: "await_listing", delayMs: DEFAULT_SENDING_POLICY.processingPollMs });
    expect(t.error).toBeUndefined();
  });

  it("Retry-After is a floor for the wait", () => {
    const t = nextState(sending, { type: "sent", outcome: send.unavailable(503, 90_000) }, context({ random: 0 }));
    expect(t.delayMs).toBe(90_000);
  });

  it.each(["timeout", "reset", "malformed", "redirect", "unexpected"] as const)("no usable answer (%s, connected) → the identical document again after back-off", (reason) => {
    expect(nextState(sending, { type: "sent", outcome: send.ambiguous(reason, true) }, context())).toMatchObject({ status: "unknown", nextAction: "send" });
    expect(nextState(sending, { type: "sent", outcome: send.ambiguous(reason, true) }, context({ kind: "credit_existing" }))).toMatchObject({ status: "unknown", nextAction: "lookup" });
  });

  it("connect failure that never connected → may resend directly", () => {
    expect(nextState(sending, { type: "sent", outcome: send.ambiguous("connect", false) }, context())).toMatchObject({ status: "unknown", nextAction: "send" });
  });

  it("connect failure never uses up the budget: however many, the identical document again, not counted", () => {
    const t = nextState(sending, { type: "sent", outcome: send.ambiguous("connect", false) }, context({ sendsUsed: DEFAULT_SENDING_POLICY.maxAmbiguousSends + 50 }));
    expect(t).toMatchObject({ status: "unknown", nextAction: "send", reason: "not_connected", uncounted: true });
  });

  it("connect failures are bounded by the deadline only", () => {
    const t = nextState(sending, { type: "sent", outcome: send.ambiguous("connect", false) }, context({ deadlineAt: NOW }));
    expect(t).toMatchObject({ status: "needs_attention", reason: "deadline_passed" });
  });

  it("a lock answer is not counted either", () => {
    const t = nextState(sending, { type: "sent", outcome: send.locked() }, context({ sendsUsed: DEFAULT_SENDING_POLICY.maxAmbiguousSends + 3 }));
    expect(t).toMatchObject({ status: "unknown", nextAction: "send", reason: "provider_locked", uncounted: true });
  });

  it.each(["timeout", "reset", "malformed", "unexpected"] as const)("ambiguous sends (%s, connected) are capped: past maxAmbiguousSends → needs_attention", (reason) => {
    const below = nextState(sending, { type: "sent", outcome: send.ambiguous(reason, true) }, context({ sendsUsed: DEFAULT_SENDING_POLICY.maxAmbiguousSends - 1 }));
    expect(below).toMatchObject({ status: "unknown", nextAction: "send" });
    expect(below.uncounted).toBeUndefined();
    const at = nextState(sending, { type: "sent", outcome: send.ambiguous(reason, true) }, context({ sendsUsed: DEFAULT_SENDING_POLICY.maxAmbiguousSends }));
    expect(at).toMatchObject({ status: "needs_attention", reason: "attempts_exhausted" });
  });

  it("5xx that may have registered counts as an ambiguous send", () => {
    const t = nextState(sending, { type: "sent", outcome: send.unavailable(503) }, context({ sendsUsed: DEFAULT_SENDING_POLICY.maxAmbiguousSends }));
    expect(t).toMatchObject({ status: "needs_attention", reason: "attempts_exhausted" });
  });

  it("past the deadline a retryable failure → needs_attention", () => {
    const t = nextState(sending, { type: "sent", outcome: send.unavailable(500) }, context({ deadlineAt: NOW }));
    expect(t).toMatchObject({ status: "needs_attention", reason: "deadline_passed", delayMs: null });
  });

  it("an expired lease → unknown, the identical document again at once (a credit: the list first)", () => {
    expect(nextState(sending, { type: "lease_expired" }, context())).toMatchObject({ status: "unknown", nextAction: "send", delayMs: 0 });
    expect(nextState(sending, { type: "lease_expired" }, context({ kind: "credit_existing" }))).toMatchObject({ status: "unknown", nextAction: "lookup", delayMs: 0 });
  });
});

describe("nextState: look-ups of an unknown document", () => {
  const unknown: MachineState = { status: "unknown", nextAction: "lookup" };
  const confirming: MachineState = { status: "unknown", nextAction: "confirm_duplicate" };

  it("found accepted → accepted with the provider's MARK", () => {
    expect(nextState(unknown, { type: "looked_up", outcome: lookup.accepted() }, context())).toMatchObject({ status: "accepted", accepted: { mark: "400000000000001" } });
  });
  it("found accepted under another internal id → needs_attention", () => {
    expect(nextState(unknown, { type: "looked_up", outcome: lookup.accepted({ internalId: "x" }) }, context())).toMatchObject({ status: "needs_attention", reason: "lookup_mismatch" });
  });
  it("processing → wait the processing interval and look again", () => {
    expect(nextState(unknown, { type: "looked_up", outcome: lookup.processing() }, context())).toMatchObject({
      status: "unknown", nextAction: "lookup", delayMs: DEFAULT_SENDING_POLICY.processingPollMs,
    });
  });
  it("rejected → rejected with its errors", () => {
    expect(nextState(unknown, { type: "looked_up", outcome: lookup.rejected() }, context())).toMatchObject({ status: "rejected", error: { kind: "lookup_rejected" } });
  });
  it("not found → resend the identical document at once", () => {
    expect(nextState(unknown, { type: "looked_up", outcome: lookup.notFound() }, context())).toMatchObject({ status: "unknown", nextAction: "send", delayMs: 0 });
  });
  it("not found with the send budget used up → needs_attention", () => {
    expect(nextState(unknown, { type: "looked_up", outcome: lookup.notFound() }, context({ sendsUsed: 8 }))).toMatchObject({ status: "needs_attention", reason: "attempts_exhausted" });
  });
  it.each([["unavailable", lookup.unavailable()], ["ambiguous", lookup.ambiguous()]])("look-up %s → look again after back-off", (_name, outcome) => {
    const t = nextState(unknown, { type: "looked_up", outcome }, context({ retryStep: 1 }));
    expect(t).toMatchObject({ status: "unknown", nextAction: "lookup", retryStep: 2 });
  });

  it("duplicate confirmed: same internal id, series and number → accepted", () => {
    expect(nextState(confirming, { type: "looked_up", outcome: lookup.accepted({ series: "T1", number: "7" }) }, context())).toMatchObject({ status: "accepted", reason: "duplicate_confirmed" });
  });
  it("duplicate with another number → needs_attention", () => {
    expect(nextState(confirming, { type: "looked_up", outcome: lookup.accepted({ number: "8" }) }, context())).toMatchObject({ status: "needs_attention", reason: "duplicate_mismatch" });
  });
  it("duplicate the look-up does not know (someone else's document under our number) → needs_attention", () => {
    expect(nextState(confirming, { type: "looked_up", outcome: lookup.notFound() }, context())).toMatchObject({ status: "needs_attention", reason: "duplicate_not_found" });
  });
  it("duplicate reported rejected → needs_attention (contradictory answers)", () => {
    expect(nextState(confirming, { type: "looked_up", outcome: lookup.rejected() }, context())).toMatchObject({ status: "needs_attention" });
  });
  it("a listed row with our series and number but another counterparty or gross → needs_attention", () => {
    const ctx = context({ ours: { ...ours, counterpartyVat: "EL800512345", grossCents: 799 } });
    const listed = (extra: Record<string, string>) => lookup.accepted({ internalId: undefined, series: "T1", number: "7", source: "document_list", listed: { counterpartyVat: "EL800512345", totalAmount: "7.99", ...extra } });
    expect(nextState(confirming, { type: "looked_up", outcome: listed({}) }, ctx)).toMatchObject({ status: "accepted" });
    expect(nextState(confirming, { type: "looked_up", outcome: listed({ totalAmount: "124.0" }) }, ctx)).toMatchObject({ status: "needs_attention", reason: "duplicate_mismatch" });
    expect(nextState(confirming, { type: "looked_up", outcome: listed({ counterpartyVat: "EL999999999" }) }, ctx)).toMatchObject({ status: "needs_attention" });
  });
  it("duplicate still processing → confirm again later", () => {
    expect(nextState(confirming, { type: "looked_up", outcome: lookup.processing() }, context())).toMatchObject({ status: "unknown", nextAction: "confirm_duplicate" });
  });
});

describe("nextState: waiting for a credit to be listed", () => {
  const awaiting: MachineState = { status: "unknown", nextAction: "await_listing" };
  it("listed → accepted with the listed MARK, UID, authentication code and URL", () => {
    const t = nextState(awaiting, { type: "looked_up", outcome: lookup.accepted({ internalId: undefined, series: "T1", number: "7" }) }, context({ kind: "credit_existing" }));
    expect(t).toMatchObject({ status: "accepted", reason: "found_listed", accepted: { mark: "400000000000001", uid: "UID1", authenticationCode: "AUTH1", url: "https://portal/v/1" } });
  });
  it("not listed yet → keep looking with back-off, no error, never a resend", () => {
    const t = nextState(awaiting, { type: "looked_up", outcome: lookup.notFound() }, context({ kind: "credit_existing", retryStep: 2 }));
    expect(t).toMatchObject({ status: "unknown", nextAction: "await_listing", retryStep: 3, reason: "not_listed_yet" });
    expect(t.delayMs).toBeGreaterThanOrEqual(DEFAULT_SENDING_POLICY.processingPollMs);
    expect(t.error).toBeUndefined();
  });
  it("not listed by the deadline → needs_attention", () => {
    expect(nextState(awaiting, { type: "looked_up", outcome: lookup.notFound() }, context({ deadlineAt: NOW }))).toMatchObject({ status: "needs_attention", reason: "deadline_passed" });
  });
});

describe("nextState: manual retry", () => {
  it("a document never sent goes back to the queue", () => {
    expect(nextState({ status: "needs_attention", nextAction: null }, { type: "retry_requested" }, context({ attemptCount: 0 }))).toMatchObject({ status: "queued", nextAction: "send", delayMs: 0 });
  });
  it("a document sent before is sent again, identical (a credit: looked for in the list first)", () => {
    expect(nextState({ status: "needs_attention", nextAction: null }, { type: "retry_requested" }, context({ attemptCount: 3 }))).toMatchObject({ status: "unknown", nextAction: "send", retryStep: 0 });
    expect(nextState({ status: "needs_attention", nextAction: null }, { type: "retry_requested" }, context({ attemptCount: 3, kind: "credit_existing" }))).toMatchObject({ status: "unknown", nextAction: "lookup" });
  });
});

const ALL_STATUSES: DocumentStatus[] = ["queued", "sending", "accepted", "rejected", "unknown", "needs_attention"];
const ACTIONS: (NextAction | null)[] = ["send", "lookup", "confirm_duplicate", "await_listing", null];

const eventArb: fc.Arbitrary<MachineEvent> = fc.oneof(
  fc.constant({ type: "send_started" } as const),
  sendOutcomeArb.map((outcome) => ({ type: "sent", outcome }) as const),
  lookupOutcomeArb.map((outcome) => ({ type: "looked_up", outcome }) as const),
  fc.constant({ type: "lease_expired" } as const),
  fc.constant({ type: "retry_requested" } as const),
);

const ctxArb = fc.record({
  sendsUsed: fc.integer({ min: 0, max: 10 }),
  attemptCount: fc.integer({ min: 0, max: 20 }),
  retryStep: fc.integer({ min: 0, max: 30 }),
  random: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  deadlineOffsetMs: fc.integer({ min: -1_000, max: 86_400_000 }),
});

describe("nextState: properties", () => {
  it("every defined transition is well-formed: moving states are scheduled, settled ones are not", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_STATUSES), fc.constantFrom(...ACTIONS), eventArb, ctxArb, (status, nextAction, event, c) => {
        const ctx = context({ ...c, deadlineAt: new Date(NOW.getTime() + c.deadlineOffsetMs) });
        let t;
        try {
          t = nextState({ status, nextAction }, event, ctx);
        } catch (error) {
          expect(error).toBeInstanceOf(IllegalTransitionError);
          return;
        }
        if (t.status === "sending") {
          expect(t.delayMs).toBeNull();
          return;
        }
        const moving = t.status === "queued" || t.status === "unknown";
        expect(t.nextAction === null).toBe(!moving);
        expect(t.delayMs === null).toBe(!moving);
        if (t.delayMs !== null) {
          expect(t.delayMs).toBeGreaterThanOrEqual(0);
          const retryAfter = event.type === "sent" && (event.outcome.kind === "unavailable" || event.outcome.kind === "locked") ? (event.outcome.retryAfterMs ?? 0) : 0;
          expect(t.delayMs).toBeLessThanOrEqual(Math.max(ctx.policy.backoffCapMs, ctx.policy.processingPollMs, ctx.policy.lockWaitMs, retryAfter));
        }
        if (t.status === "accepted") expect(t.accepted?.mark).toBeTruthy();
      }),
      { numRuns: 3000 },
    );
  });

  it("accepted and rejected are never left by automatic events", () => {
    fc.assert(
      fc.property(fc.constantFrom<DocumentStatus>("accepted", "rejected"), eventArb, (status, event) => {
        expect(() => nextState({ status, nextAction: null }, event, context())).toThrow(IllegalTransitionError);
      }),
    );
  });

  it("a 4xx answer is never followed by another send", () => {
    fc.assert(
      fc.property(fc.constantFrom(send.rejected(), send.unauthorized()), ctxArb, (outcome, c) => {
        const t = nextState({ status: "sending", nextAction: null }, { type: "sent", outcome }, context(c));
        expect(t.status).toBe("rejected");
        expect(t.nextAction).toBeNull();
      }),
    );
  });

  it("a document is only accepted on a MARK the provider gave for it: a 201, or a duplicate carrying our own stored document", () => {
    fc.assert(
      fc.property(sendOutcomeArb, ctxArb, (outcome, c) => {
        const t = nextState({ status: "sending", nextAction: null }, { type: "sent", outcome }, context(c));
        if (t.status !== "accepted") return;
        if (outcome.kind === "accepted") {
          expect(t.accepted?.mark).toBe(outcome.mark);
        } else {
          expect(outcome.kind).toBe("duplicate");
          const registered = outcome.kind === "duplicate" ? outcome.registered : null;
          expect(registered).toMatchObject({ internalId: ours.internalId, series: ours.series, number: ours.number });
          expect(t.accepted?.mark).toBe(registered?.mark);
        }
      }),
    );
  });

  it("after an answer that may hide a stored credit, it is looked for in the document list before any resend", () => {
    fc.assert(
      fc.property(sendOutcomeArb, ctxArb, (outcome, c) => {
        const t = nextState({ status: "sending", nextAction: null }, { type: "sent", outcome }, context({ ...c, kind: "credit_existing" }));
        // A credit's answer never carries its MARK: it is looked for in the list before any resend.
        const provablyNotSent = (outcome.kind === "ambiguous" && !outcome.connected) || outcome.kind === "locked" || (outcome.kind === "unavailable" && outcome.registered === "no");
        if (!provablyNotSent) expect(t.nextAction).not.toBe("send");
      }),
    );
  });

  it("past the deadline, sends and look-ups never leave a document unknown", () => {
    fc.assert(
      fc.property(fc.oneof(
        sendOutcomeArb.map((outcome) => [{ status: "sending", nextAction: null }, { type: "sent", outcome }] as const),
        lookupOutcomeArb.map((outcome) => [{ status: "unknown", nextAction: "lookup" }, { type: "looked_up", outcome }] as const),
      ), fc.integer({ min: 0, max: 10_000_000 }), ([state, event], overdueMs) => {
        const t = nextState(state, event, context({ deadlineAt: new Date(NOW.getTime() - overdueMs) }));
        expect(t.status).not.toBe("unknown");
      }),
    );
  });

  it("simulated runs against any provider: sends bounded by the ambiguous-send cap (uncounted sends aside), always settles", () => {
    fc.assert(
      fc.property(fc.array(sendOutcomeArb, { minLength: 1, maxLength: 60 }), fc.array(lookupOutcomeArb, { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (sends, lookups, random) => {
        const policy = { ...DEFAULT_SENDING_POLICY, maxAmbiguousSends: 5, deadlineMs: 3_600_000 };
        let state: MachineState = { status: "queued", nextAction: "send" };
        let now = NOW.getTime();
        let sendsMade = 0;
        let retryStep = 0;
        let uncountedSends = 0;
        for (let step = 0; step < 10_000; step += 1) {
          if (["accepted", "rejected", "needs_attention"].includes(state.status)) break;
          const ctx = context({ now: new Date(now), deadlineAt: new Date(NOW.getTime() + policy.deadlineMs), sendsUsed: sendsMade - uncountedSends, attemptCount: sendsMade, retryStep, random, policy });
          let event: MachineEvent;
          if (state.status === "sending") {
            event = { type: "sent", outcome: sends[step % sends.length] ?? send.accepted() };
          } else if (state.nextAction === "send") {
            sendsMade += 1;
            event = { type: "send_started" };
          } else {
            event = { type: "looked_up", outcome: lookups[step % lookups.length] ?? lookup.notFound() };
          }
          const t = nextState(state, event, ctx);
          if (event.type === "sent" && t.uncounted === true) uncountedSends += 1;
          state = { status: t.status, nextAction: t.nextAction };
          retryStep = t.retryStep;
          now += t.delayMs ?? 0;
          now += 1_000; // every provider call takes time
        }
        expect(["accepted", "rejected", "needs_attention"]).toContain(state.status);
        expect(sendsMade).toBeLessThanOrEqual(policy.maxAmbiguousSends + uncountedSends);
      }),
      { numRuns: 500 },
    );
  });
});
