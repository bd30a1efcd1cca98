import type { FieldError } from "@/lib/validation/errors";

/** An error whose status and code may be shown to the caller as they are. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Input that failed validation: answered 422 with field errors. */
export class ValidationFailure extends Error {
  override name = "ValidationFailure";
  constructor(readonly errors: FieldError[]) {
    super("validation failed");
  }
}
