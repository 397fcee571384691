/**
 * AkhbarError: the one error type every stage and adapter throws for expected failures.
 * Pure domain type. `code` is stable (`stage.reason`), the message starts with the stage.
 */
export class AkhbarError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, details?: Record<string, unknown>, options?: ErrorOptions) {
    super(message, options);
    this.name = "AkhbarError";
    this.code = code;
    this.details = details;
  }
}

/** True when `err` is an AkhbarError, optionally with the given code. */
export function isAkhbarError(err: unknown, code?: string): err is AkhbarError {
  return err instanceof AkhbarError && (code === undefined || err.code === code);
}
