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

type StoreRecord =
  | { kind: "accepted"; document: StoredDocument }
  | { kind: "rejected"; rejection: RejectionRecord }
  | { kind: "attempt-start"; attempt: Attempt }
  | { kind: "attempt-end"; id: string };

const scoped = (issuerAfm: string, key: string): string => `${issuerAfm}|${key}`;

export class SandboxStore {
  private readonly file: JsonlFile;
  private documents: StoredDocument[] = [];
  private byUid = new Map<string, StoredDocument>();
  private byInternalId = new Map<string, StoredDocument>();
  private bySignature = new Map<string, StoredDocument>();
  private rejections = new Map<string, RejectionRecord>();
  private openAttempts = new Map<string, Attempt>();
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

  findBySignature(signature: string): StoredDocument | undefined {
    return this.bySignature.get(signature);
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

  /** True while an unanswered attempt for the same UID or InternalDocumentId is younger than the window. */
  isProcessing(identity: SubmissionIdentity, nowMs: number, windowMs: number): boolean {
    for (const attempt of this.openAttempts.values()) {
      if (nowMs >= attempt.receivedAtMs + windowMs || attempt.issuerAfm !== identity.issuerAfm) continue;
      const sameUid = identity.uid !== null && attempt.uid === identity.uid;
      const sameInternalId = identity.internalId !== null && attempt.internalId === identity.internalId;
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
        this.bySignature.set(doc.signature, doc);
        this.lastSequence = Math.max(this.lastSequence, sequenceOfMark(doc.mark));
        break;
      }
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
