import "server-only";

export { issueCreditNote } from "@/lib/sending/issue";
export { creditExistingDocument, type CreditExistingParams } from "@/lib/sending/credit-existing";
export type { IssueResult, OutboxOptions } from "@/lib/sending/outbox";
export { refreshDocument, retryDocument, type ActionResult } from "@/lib/sending/actions";
export { startWorker, type Worker, type WorkerOptions } from "@/lib/sending/worker";
export { NumberTakenError, ActionNotAllowedError, DocumentNotFoundError, IllegalTransitionError } from "@/lib/sending/errors";
export { DEFAULT_SENDING_POLICY, type SendingPolicy } from "@/lib/sending/policy";
export type { ProviderAvailability } from "@/lib/sending/circuit";
export type { RecordedError } from "@/lib/sending/recorded-error";
