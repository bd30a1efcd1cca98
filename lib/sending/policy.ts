import "server-only";

/** Limits of automatic sending. All durations in milliseconds. */
export interface SendingPolicy {
  /**
   * Sends that may have reached the provider (no usable answer once connected, 5xx, a look-up
   * that did not find it) before a document that still cannot be delivered needs a person.
   * Sends that never connected and the provider's lock answers are not counted: they are
   * bounded by the deadline only, so an outage never uses up a document's budget.
   */
  maxAmbiguousSends: number;
  /** Time from issuing after which nothing more is tried automatically. */
  deadlineMs: number;
  /** First back-off ceiling; doubles per consecutive failure. */
  backoffBaseMs: number;
  /** Largest back-off ceiling. */
  backoffCapMs: number;
  /** Wait between look-ups while the provider reports the document as still processing (or not yet listed). */
  processingPollMs: number;
  /**
   * Wait before sending again after the provider locked the series/number: a 408 "… is already
   * being transmitted." or a 500 "Please resend." (about 2 minutes on UAT).
   */
  lockWaitMs: number;
}

export const DEFAULT_SENDING_POLICY: SendingPolicy = {
  maxAmbiguousSends: 8,
  deadlineMs: 24 * 60 * 60 * 1000,
  backoffBaseMs: 2_000,
  backoffCapMs: 30_000,
  processingPollMs: 15_000,
  lockWaitMs: 120_000,
};

/**
 * Full-jitter back-off: uniform in [0, min(cap, base × 2^step)), never below the provider's
 * Retry-After. `random` is a draw in [0, 1), passed in so the function stays pure.
 */
export function backoffDelayMs(step: number, policy: SendingPolicy, random: number, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** Math.max(0, Math.min(step, 40)));
  const jittered = Math.floor(Math.min(Math.max(random, 0), 1) * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
