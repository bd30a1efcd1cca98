/**
 * Every fault the sandbox can inject through its control API, and the order the drill injects
 * them in: rounds of all of them, shuffled per round with the drill's seeded random, so that
 * each mode strikes several times in a run. (The `erp` header switches are chosen by the caller
 * per request; the dashboard never sends that header, so they cannot strike here.)
 */

export type FaultPath = "json" | "status";

export interface FaultSpec {
  mode: string;
  paths: FaultPath[];
  times: number;
  /** For `delay`: how long the sandbox waits before answering. */
  ms?: number;
}

/**
 * Faults of `POST /Invoice/json`. The long delay outlasts the drill's 2.5 s response timeout. The
 * last three are the observed UAT answers queued through the control API: 408 "IAPR Timeout",
 * the same registered late, and the save-error 500 followed by the number's lock.
 */
export const SUBMISSION_FAULTS: readonly FaultSpec[] = [
  { mode: "delay", paths: ["json"], times: 1, ms: 400 },
  { mode: "delay", paths: ["json"], times: 1, ms: 4_000 },
  { mode: "error500", paths: ["json"], times: 1 },
  { mode: "error500_after_store", paths: ["json"], times: 1 },
  { mode: "accept_then_hang", paths: ["json"], times: 1 },
  { mode: "reset_before_store", paths: ["json"], times: 1 },
  { mode: "reset_after_store", paths: ["json"], times: 1 },
  { mode: "malformed_2xx", paths: ["json"], times: 1 },
  { mode: "timeout_408", paths: ["json"], times: 1 },
  { mode: "FAKE_IAPR_TIMEOUT", paths: ["json"], times: 1 },
  { mode: "FAKE_IAPR_DELAYED_TIMEOUT", paths: ["json"], times: 1 },
  { mode: "FAKE_ELISE_SAVE_DOCUMENT_ERROR", paths: ["json"], times: 1 },
];

/**
 * Faults of the status look-up `GET /MyData/status`. The drill does not inject them: that endpoint
 * stays behind an adapter switched off by default, so they could never strike.
 */
export const STATUS_FAULTS: readonly FaultSpec[] = [
  { mode: "status_error500", paths: ["status"], times: 1 },
  { mode: "timeout_408", paths: ["status"], times: 1 },
  { mode: "reset_before_store", paths: ["status"], times: 1 },
  { mode: "accept_then_hang", paths: ["status"], times: 1 },
  { mode: "malformed_2xx", paths: ["status"], times: 1 },
  { mode: "delay", paths: ["status"], times: 1, ms: 4_000 },
];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A copy of `items` in an order drawn from `random` (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** An endless supply of `specs`: each round holds every spec once, in a fresh shuffled order. */
export function faultCycle(specs: readonly FaultSpec[], random: () => number): () => FaultSpec {
  let round: FaultSpec[] = [];
  return () => {
    if (round.length === 0) round = shuffled(specs, random);
    const next = round.shift();
    if (next === undefined) throw new Error("no fault specs");
    return next;
  };
}

/** The kind a fault counts under in the faults-struck table: "delay on json" (the sandbox logs no duration). */
export function faultKind(spec: FaultSpec): string {
  return `${spec.mode} on ${spec.paths.join("+")}`;
}

/** "delay 4000 ms on json" */
export function describeFault(spec: FaultSpec): string {
  return `${spec.mode}${spec.ms === undefined ? "" : ` ${spec.ms} ms`} on ${spec.paths.join("+")}`;
}
