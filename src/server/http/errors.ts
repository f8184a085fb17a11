import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type ErrorCode, errorCodes } from "./error-codes.js";

export interface FieldError {
  field: string;
  message: string;
}

/** A failure with a code from the table; services throw it, the handler below renders it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
    detail?: string,
  ) {
    super(detail ?? errorCodes[code].message.en);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError("NOT_FOUND");
export const invalid = (field: string, message: string) =>
  new AppError("VALIDATION_FAILED", [{ field, message }]);

export function requestLanguage(req: FastifyRequest): "es" | "en" {
  const header = String(req.headers["accept-language"] ?? "");
  return /^\s*es\b/i.test(header) ? "es" : "en";
}

export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  fields: FieldError[] = [],
) {
  const entry = errorCodes[code];
  const lang = requestLanguage(req);
  return reply
    .status(entry.status)
    .type("application/problem+json")
    .send({
      type: `urn:portico:error:${code}`,
      title: entry.message.en,
      status: entry.status,
      code,
      detail: entry.message[lang],
      ...(fields.length ? { errors: fields } : {}),
      ...(entry.cause ? { cause: entry.cause, remedy: entry.remedy } : {}),
    });
}

/** RFC 9457 problem+json for every failure, with a stable `code`. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setNotFoundHandler((req, reply) => sendProblem(reply, req, "NOT_FOUND"));
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) return sendProblem(reply, req, err.code, err.fields);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split("/").filter(Boolean)].join("."),
        message: v.message ?? "invalid",
      }));
      return sendProblem(reply, req, "VALIDATION_FAILED", fields);
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status === 429) return sendProblem(reply, req, "RATE_LIMITED");
    if (status === 404) return sendProblem(reply, req, "NOT_FOUND");
    if (status >= 400 && status < 500) {
      return sendProblem(reply, req, "BAD_REQUEST", [{ field: "request", message: err.message }]);
    }
    req.log.error({ err }, "unhandled error");
    return sendProblem(reply, req, "INTERNAL");
  });
}
