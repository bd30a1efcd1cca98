import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocumentStatus, NextAction } from "@/lib/db/schema";
import { IllegalTransitionError } from "@/lib/sending/errors";
import { DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";
import { nextState, type MachineEvent, type MachineState } from "@/lib/sending/state-machine";
import { context, lookup, lookupOutcomeArb, NOW, send, sendOutcomeArb } from "@/tests/unit/sending/outcomes";

const STATES: MachineState[] = [
  { status: "queued", nextAction: "send" },
  { status: "sending", nextAction: null },
  { status: "unknown", nextAction: "lookup" },
  { status: "unknown", nextAction: "send" },
  { status: "unknown", nextAction: "confirm_duplicate" },
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

  it("409 → unknown, confirm the duplicate at once", () => {
    expect(nextState(sending, { type: "sent", outcome: send.duplicate() }, context())).toMatchObject({ status: "unknown", nextAction: "confirm_duplicate", delayMs: 0 });
  });

  it("500 / 408 → unknown, look up after a jittered back-off", () => {
    const t = nextState(sending, { type: "sent", outcome: send.unavailable(500) }, context({ retryStep: 2, random: 0.5 }));
    expect(t).toMatchObject({ status: "unknown", nextAction: "lookup", retryStep: 3 });
    expect(t.delayMs).toBe(Math.floor(0.5 * DEFAULT_SENDING_POLICY.backoffBaseMs * 4));
  });

  it("Retry-After is a floor for the wait", () => {
    const t = nextState(sending, { type: "sent", outcome: send.unavailable(503, 90_000) }, context({ random: 0 }));
    expect(t.delayMs).toBe(90_000);
  });

  it.each(["timeout", "reset", "malformed", "redirect", "unexpected"] as const)("no usable answer (%s, connected) → look up before any resend", (reason) => {
    expect(nextState(sending, { type: "sent", outcome: send.ambiguous(reason, true) }, context())).toMatchObject({ status: "unknown", nextAction: "lookup" });
  });

  it("connect failure that never connected → may resend directly", () => {
    expect(nextState(sending, { type: "sent", outcome: send.ambiguous("connect", false) }, context())).toMatchObject({ status: "unknown", nextAction: "send" });
  });

  it("connect failure with the send budget used up → needs_attention", () => {
    const t = nextState(sending, { type: "sent", outcome: send.ambiguous("connect", false) }, context({ sendsUsed: DEFAULT_SENDING_POLICY.maxAttempts }));
    expect(t).toMatchObject({ status: "needs_attention", reason: "attempts_exhausted" });
  });

  it("past the deadline a retryable failure → needs_attention", () => {
    const t = nextState(sending, { type: "sent", outcome: send.unavailable(500) }, context({ deadlineAt: NOW }));
    expect(t).toMatchObject({ status: "needs_attention", reason: "deadline_passed", delayMs: null });
  });

  it("an expired lease → unknown, look up at once", () => {
    expect(nextState(sending, { type: "lease_expired" }, context())).toMatchObject({ status: "unknown", nextAction: "lookup", delayMs: 0 });
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
  it("duplicate still processing → confirm again later", () => {
    expect(nextState(confirming, { type: "looked_up", outcome: lookup.processing() }, context())).toMatchObject({ status: "unknown", nextAction: "confirm_duplicate" });
  });
});

describe("nextState: manual retry", () => {
  it("a document never sent goes back to the queue", () => {
    expect(nextState({ status: "needs_attention", nextAction: null }, { type: "retry_requested" }, context({ attemptCount: 0 }))).toMatchObject({ status: "queued", nextAction: "send", delayMs: 0 });
  });
  it("a document sent before is looked up first", () => {
    expect(nextState({ status: "needs_attention", nextAction: null }, { type: "retry_requested" }, context({ attemptCount: 3 }))).toMatchObject({ status: "unknown", nextAction: "lookup", retryStep: 0 });
  });
});

const ALL_STATUSES: DocumentStatus[] = ["queued", "sending", "accepted", "rejected", "unknown", "needs_attention"];
const ACTIONS: (NextAction | null)[] = ["send", "lookup", "confirm_duplicate", null];

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
          const retryAfter = event.type === "sent" && event.outcome.kind === "unavailable" ? (event.outcome.retryAfterMs ?? 0) : 0;
          expect(t.delayMs).toBeLessThanOrEqual(Math.max(ctx.policy.backoffCapMs, ctx.policy.processingPollMs, retryAfter));
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

  it("after an answer that may hide a stored document, the next step is never a blind resend", () => {
    fc.assert(
      fc.property(sendOutcomeArb, ctxArb, (outcome, c) => {
        const t = nextState({ status: "sending", nextAction: null }, { type: "sent", outcome }, context(c));
        const provablyNotSent = outcome.kind === "ambiguous" && !outcome.connected;
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

  it("simulated runs against any provider: bounded sends, look-up before every resend, always settles", () => {
    fc.assert(
      fc.property(fc.array(sendOutcomeArb, { minLength: 1, maxLength: 60 }), fc.array(lookupOutcomeArb, { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (sends, lookups, random) => {
        const policy = { ...DEFAULT_SENDING_POLICY, maxAttempts: 5, deadlineMs: 3_600_000 };
        let state: MachineState = { status: "queued", nextAction: "send" };
        let now = NOW.getTime();
        let sendsMade = 0;
        let retryStep = 0;
        let mayResend = true;
        for (let step = 0; step < 10_000; step += 1) {
          if (["accepted", "rejected", "needs_attention"].includes(state.status)) break;
          const ctx = context({ now: new Date(now), deadlineAt: new Date(NOW.getTime() + policy.deadlineMs), sendsUsed: sendsMade, attemptCount: sendsMade, retryStep, random, policy });
          let event: MachineEvent;
          if (state.status === "sending") {
            event = { type: "sent", outcome: sends[step % sends.length] ?? send.accepted() };
          } else if (state.nextAction === "send") {
            expect(mayResend).toBe(true);
            sendsMade += 1;
            event = { type: "send_started" };
          } else {
            event = { type: "looked_up", outcome: lookups[step % lookups.length] ?? lookup.notFound() };
          }
          const t = nextState(state, event, ctx);
          if (event.type === "sent") mayResend = event.outcome.kind === "ambiguous" && !event.outcome.connected;
          if (event.type === "looked_up") mayResend = event.outcome.kind === "not_found";
          state = { status: t.status, nextAction: t.nextAction };
          retryStep = t.retryStep;
          now += t.delayMs ?? 0;
          now += 1_000; // every provider call takes time
        }
        expect(["accepted", "rejected", "needs_attention"]).toContain(state.status);
        expect(sendsMade).toBeLessThanOrEqual(policy.maxAttempts);
      }),
      { numRuns: 500 },
    );
  });
});
