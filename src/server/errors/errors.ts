import type { FieldErrorCode } from "../../shared/field-error-codes.js";
import { type ErrorCode, errorCodes } from "./error-codes.js";

export interface FieldError {
  field: string;
  /** English, for logs and older clients; the web renders `code` + `params` in the person's language. */
  message: string;
  /**
   * A stable machine code: zod's issue code (`too_small`, `too_big`, `invalid_format`, `invalid_type`…)
   * or a custom one (`invalid_iban`, `too_short`, `breached_password`…), always from
   * src/shared/field-error-codes.ts, where the web finds a text for it in each language.
   */
  code: FieldErrorCode;
  /** What the code needs to be rendered: `minimum`, `maximum`, `origin`, `format`, `expected`… */
  params?: Record<string, string | number | boolean | string[]>;
}

/**
 * Extra members of a problem (RFC 9457 §3.2) a client acts on, such as the dates of an issue-date
 * refusal; never the standard members, which they cannot override.
 */
export type ProblemExtensions = Record<string, string | number | boolean | null | string[]>;

/** A failure with a code from the table; services throw it, `http/error-handler.ts` renders it as problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
    detail?: string,
    readonly extensions: ProblemExtensions = {},
  ) {
    super(detail ?? errorCodes[code].message.en);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError("NOT_FOUND");
export const invalid = (
  field: string,
  message: string,
  code: FieldErrorCode,
  params?: FieldError["params"],
) => new AppError("VALIDATION_FAILED", [{ field, message, code, ...(params ? { params } : {}) }]);
