/**
 * The sandbox's durable state: accepted documents, last rejections and request attempts, kept
 * as one JSON-lines journal under the data directory and replayed into memory at start.
 * "Processing" is derived from attempt timestamps, so it also survives a restart.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { JsonlFile } from "./jsonl-file";
import { markForSequence, sequenceOfMark } from "./ids";
import type { RejectionRecord, StoredDocument, SubmissionIdentity } from "./types";

interface Attempt extends SubmissionIdentity {
  id: string;
  receivedAtMs: number;
}

/** A series|number that answers 408 "already being transmitted" until `untilMs` (after the save-error 500). */
export interface NumberLock {
  issuerAfm: string;
  series: string;
  number: string;
  untilMs: number;
}

type StoreRecord =
  | { kind: "accepted"; document: StoredDocument }
  | { kind: "lock"; lock: NumberLock }
  | { kind: "rejected"; rejection: RejectionRecord }
  | { kind: "attempt-start"; attempt: Attempt }
  | { kind: "attempt-end"; id: string };

const scoped = (issuerAfm: string, key: string): string => `${issuerAfm}|${key}`;
const lockKey = (lock: Pick<NumberLock, "issuerAfm" | "series" | "number">): string => `${lock.issuerAfm}|${lock.series}|${lock.number}`;

/** Milliseconds since the epoch at which myDATA registered the document. */
export function registeredAtMs(doc: StoredDocument): number {
  return Date.parse(doc.registeredAt ?? doc.acceptedAt);
}

export function isRegistered(doc: StoredDocument, nowMs: number): boolean {
  return registeredAtMs(doc) <= nowMs;
}

export class SandboxStore {
  private readonly file: JsonlFile;
  private documents: StoredDocument[] = [];
  private byUid = new Map<string, StoredDocument>();
  private byInternalId = new Map<string, StoredDocument>();
  private bySignature = new Map<string, StoredDocument>();
  private rejections = new Map<string, RejectionRecord>();
  private openAttempts = new Map<string, Attempt>();
  private locks = new Map<string, NumberLock>();
  private lastSequence = 0;

  constructor(dataDir: string) {
    this.file = new JsonlFile(join(dataDir, "journal.jsonl"));
    for (const record of this.file.readAll()) this.apply(record as StoreRecord);
  }

  listDocuments(): readonly StoredDocument[] {
    return this.documents;
  }

  findByUid(uid: string): StoredDocument | undefined {
    return this.byUid.get(uid);
  }

  findByInternalId(issuerAfm: string, internalId: string): StoredDocument | undefined {
    return this.byInternalId.get(scoped(issuerAfm, internalId));
  }

  /** Portal tokens match in any case (the QR link carries them as base64 of their bytes). */
  findBySignature(signature: string): StoredDocument | undefined {
    return this.bySignature.get(signature.toLowerCase());
  }

  /** The issuer's documents myDATA has registered by `nowMs`, oldest issue date first. */
  registeredDocuments(issuerAfm: string, nowMs: number): StoredDocument[] {
    return this.documents
      .filter((doc) => doc.issuerAfm === issuerAfm && isRegistered(doc, nowMs))
      .sort((a, b) => a.document.issueDate.localeCompare(b.document.issueDate) || Number(a.mark) - Number(b.mark));
  }

  /** A FAKE_IAPR_DELAYED_TIMEOUT document of this issuer and series still waiting to be registered. */
  pendingInSeries(issuerAfm: string, series: string, nowMs: number): StoredDocument | undefined {
    return this.documents.find((doc) => doc.issuerAfm === issuerAfm && doc.document.series === series && !isRegistered(doc, nowMs));
  }

  lockNumber(lock: NumberLock): void {
    this.write({ kind: "lock", lock });
  }

  isLocked(issuerAfm: string, series: string, number: string, nowMs: number): boolean {
    const lock = this.locks.get(lockKey({ issuerAfm, series, number }));
    return lock !== undefined && nowMs < lock.untilMs;
  }

  findByAuthenticationCode(issuerAfm: string, code: string): StoredDocument | undefined {
    const wanted = code.trim().toUpperCase();
    return this.documents.find((doc) => doc.issuerAfm === issuerAfm && doc.authenticationCode === wanted);
  }

  findByMark(issuerAfm: string, mark: string): StoredDocument | undefined {
    return this.documents.find((doc) => doc.issuerAfm === issuerAfm && doc.mark === mark);
  }

  lastRejection(issuerAfm: string, internalId: string): RejectionRecord | undefined {
    return this.rejections.get(scoped(issuerAfm, internalId));
  }

  /** The MARK the next accepted document gets; strictly above every MARK issued so far. */
  nextMark(): string {
    return markForSequence(this.lastSequence + 1);
  }

  saveAccepted(document: StoredDocument): void {
    this.write({ kind: "accepted", document });
  }

  saveRejected(rejection: RejectionRecord): void {
    this.write({ kind: "rejected", rejection });
  }

  /** Opens an attempt; until endAttempt (or the window passes) its document counts as processing. */
  startAttempt(identity: SubmissionIdentity, receivedAtMs: number): string {
    const attempt: Attempt = { ...identity, id: randomBytes(8).toString("hex"), receivedAtMs };
    this.write({ kind: "attempt-start", attempt });
    return attempt.id;
  }

  endAttempt(id: string): void {
    if (this.openAttempts.has(id)) this.write({ kind: "attempt-end", id });
  }

  /**
   * True while an unanswered attempt for the same UID is younger than the window. Without a UID
   * (status look-ups) the InternalDocumentId is compared instead.
   */
  isProcessing(identity: SubmissionIdentity, nowMs: number, windowMs: number): boolean {
    for (const attempt of this.openAttempts.values()) {
      if (nowMs >= attempt.receivedAtMs + windowMs || attempt.issuerAfm !== identity.issuerAfm) continue;
      const sameUid = identity.uid !== null && attempt.uid === identity.uid;
      const sameInternalId = identity.uid === null && identity.internalId !== null && attempt.internalId === identity.internalId;
      if (sameUid || sameInternalId) return true;
    }
    return false;
  }

  clear(): void {
    this.file.truncate();
    this.documents = [];
    this.byUid.clear();
    this.byInternalId.clear();
    this.bySignature.clear();
    this.rejections.clear();
    this.openAttempts.clear();
    this.locks.clear();
    this.lastSequence = 0;
  }

  close(): void {
    this.file.close();
  }

  private write(record: StoreRecord): void {
    this.file.append(record);
    this.apply(record);
  }

  private apply(record: StoreRecord): void {
    switch (record.kind) {
      case "accepted": {
        const doc = record.document;
        this.documents.push(doc);
        this.byUid.set(doc.uid, doc);
        this.byInternalId.set(scoped(doc.issuerAfm, doc.internalId), doc);
        this.bySignature.set(doc.signature.toLowerCase(), doc);
        this.lastSequence = Math.max(this.lastSequence, sequenceOfMark(doc.mark));
        break;
      }
      case "lock":
        this.locks.set(lockKey(record.lock), record.lock);
        break;
      case "rejected":
        this.rejections.set(scoped(record.rejection.issuerAfm, record.rejection.internalId), record.rejection);
        break;
      case "attempt-start":
        this.openAttempts.set(record.attempt.id, record.attempt);
        break;
      case "attempt-end":
        this.openAttempts.delete(record.id);
        break;
    }
  }
}
