/**
 * Fault injection. Faults queued through the control API apply to the next matching requests;
 * the `erp` header reproduces the switches of the provider's UAT test harness per request.
 */
import { isObject } from "./json-fields";

export const ERP_FAULTS = [
  "FAKE_IAPR_TIMEOUT", "FAKE_IAPR_DELAYED_TIMEOUT", "FAKE_IAPR_VALIDATION_ERROR", "FAKE_ELISE_SAVE_DOCUMENT_ERROR",
] as const;
export type ErpFault = (typeof ERP_FAULTS)[number];

/** The control API also queues the `erp` switches, so clients that never send that header can meet them. */
export const FAULT_MODES = [
  "delay", "error500", "error500_after_store", "accept_then_hang", "reset_before_store", "reset_after_store",
  "malformed_2xx", "timeout_408", "status_error500", ...ERP_FAULTS,
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const FAULT_PATHS = ["json", "credit", "status"] as const;
export type FaultPath = (typeof FAULT_PATHS)[number];

export interface Fault {
  mode: FaultMode;
  ms: number;
}

export interface QueuedFault extends Fault {
  remaining: number;
  paths: FaultPath[];
}

const isMode = (value: unknown): value is FaultMode => FAULT_MODES.some((mode) => mode === value);
const isPath = (value: unknown): value is FaultPath => FAULT_PATHS.some((path) => path === value);

function defaultPaths(mode: FaultMode): FaultPath[] {
  return mode === "status_error500" ? ["status"] : ["json", "credit"];
}

/** Reads a control-API fault request; the error text names the offending property. */
export function parseFaultRequest(body: unknown): { fault: QueuedFault } | { error: string } {
  if (!isObject(body) || !isMode(body.mode)) return { error: `mode must be one of ${FAULT_MODES.join(", ")}` };
  const times = body.times ?? 1;
  if (typeof times !== "number" || !Number.isInteger(times) || times < 1) return { error: "times must be a whole number ≥ 1" };
  const ms = body.ms ?? (body.mode === "delay" ? 1000 : 0);
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) return { error: "ms must be a number ≥ 0" };
  const paths = body.paths ?? defaultPaths(body.mode);
  if (!Array.isArray(paths) || paths.length === 0 || !paths.every(isPath)) {
    return { error: `paths must be a non-empty list of ${FAULT_PATHS.join(", ")}` };
  }
  return { fault: { mode: body.mode, ms, remaining: times, paths: [...paths] } };
}

export class FaultQueue {
  private queue: QueuedFault[] = [];

  enqueue(fault: QueuedFault): void {
    this.queue.push(fault);
  }

  /** Consumes one use of the oldest fault that applies to `path`. */
  take(path: FaultPath): Fault | null {
    const fault = this.queue.find((candidate) => candidate.paths.includes(path));
    if (fault === undefined) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.queue = this.queue.filter((candidate) => candidate !== fault);
    return { mode: fault.mode, ms: fault.ms };
  }

  pending(): readonly QueuedFault[] {
    return this.queue;
  }

  clear(): void {
    this.queue = [];
  }
}

export function readErpFault(header: string | string[] | undefined): ErpFault | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toUpperCase();
  return ERP_FAULTS.find((fault) => fault === value) ?? null;
}

/** The `erp` switch of a request: its header, else a switch queued through the control API. */
export function erpFaultOf(header: string | string[] | undefined, queued: Fault | null): ErpFault | null {
  return readErpFault(header) ?? ERP_FAULTS.find((fault) => fault === queued?.mode) ?? null;
}
