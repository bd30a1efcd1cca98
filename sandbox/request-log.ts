/** The request log served by GET /__control/requests. Key values are never recorded, only their presence. */
import type { RequestLogEntry } from "./control-types";

/** Oldest entries are dropped beyond this, so a long-running sandbox does not grow without bound. */
const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  /** Adds a pending entry at arrival; handlers fill in status and outcome on the returned object. */
  open(fields: Pick<RequestLogEntry, "method" | "path" | "apiKeyPresent" | "bearerPresent">): RequestLogEntry {
    this.seq += 1;
    const entry: RequestLogEntry = { seq: this.seq, at: new Date().toISOString(), status: null, outcome: "pending", ...fields };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return entry;
  }

  list(): readonly RequestLogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
