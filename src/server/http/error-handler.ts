import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isFieldErrorCode } from "../../shared/field-error-codes.js";
import { type ErrorCode, errorCodes } from "../errors/error-codes.js";
import { AppError, type FieldError, type ProblemExtensions } from "../errors/errors.js";

/** The params of a zod issue a client may need to render it; nothing else (no input, no pattern). */
const RENDER_PARAMS = [
  "minimum",
  "maximum",
  "inclusive",
  "origin",
  "format",
  "expected",
  "divisor",
  "values",
  "keys",
];

function renderParams(source: Record<string, unknown>): FieldError["params"] {
  const out: NonNullable<FieldError["params"]> = {};
  for (const key of RENDER_PARAMS) {
    const value = source[key];
    if (typeof value === "string" || typeof value === "boolean") out[key] = value;
    else if (typeof value === "number" && Number.isFinite(value)) out[key] = value;
    else if (typeof value === "bigint") out[key] = Number(value);
    else if (Array.isArray(value)) out[key] = value.map((v) => String(v));
  }
  return Object.keys(out).length ? out : undefined;
}

interface ZodIssueLike {
  code: string;
  message?: string;
  path?: PropertyKey[];
  params?: Record<string, unknown>;
  errors?: ZodIssueLike[][];
  [key: string]: unknown;
}

/**
 * The issue a person should see for a zod issue. An optional field written `x.nullish().or(z.literal(""))`
 * fails as a union; the branch that got furthest (not a type or literal mismatch) names the real problem.
 */
function innermostIssue(issue: ZodIssueLike): { issue: ZodIssueLike; path: PropertyKey[] } {
  if (issue.code !== "invalid_union" || !Array.isArray(issue.errors)) return { issue, path: [] };
  const branches = issue.errors.filter((b) => b.length > 0);
  const best =
    branches.find((b) => b[0] && b[0].code !== "invalid_type" && b[0].code !== "invalid_value") ??
    (branches.length === 1 ? branches[0] : undefined);
  const first = best?.[0];
  if (!first) return { issue, path: [] };
  const inner = innermostIssue(first);
  return { issue: inner.issue, path: [...(first.path ?? []), ...inner.path] };
}

/** A zod issue (as fastify-type-provider-zod hands it over) as a field error with a code and params. */
export function zodFieldError(
  context: string,
  v: { instancePath?: string; keyword?: string; message?: string; params?: Record<string, unknown> },
): FieldError {
  const outer: ZodIssueLike = { ...(v.params ?? {}), code: v.keyword ?? "invalid", message: v.message };
  const { issue, path } = innermostIssue(outer);
  const field = [
    context,
    ...String(v.instancePath ?? "")
      .split("/")
      .filter(Boolean),
    ...path.map((p) => String(p)),
  ].join(".");
  const message = (issue === outer ? v.message : issue.message) ?? "invalid";
  // A refinement names its own code in `params.code` (see the contracts); zod's own issues keep theirs.
  const custom = issue.code === "custom" ? issue.params : undefined;
  if (custom && isFieldErrorCode(custom.code)) {
    const { code, ...rest } = custom;
    const params = renderParams(rest);
    return { field, message, code: custom.code, ...(params ? { params } : {}) };
  }
  const params = renderParams(issue);
  // zod's own codes are in the list; anything else (a newer zod) is a generic "not valid".
  const code = isFieldErrorCode(issue.code) ? issue.code : "custom";
  return { field, message, code, ...(params ? { params } : {}) };
}

export function requestLanguage(req: FastifyRequest): "es" | "en" {
  const header = String(req.headers["accept-language"] ?? "");
  return /^\s*es\b/i.test(header) ? "es" : "en";
}

export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  fields: FieldError[] = [],
  extensions: ProblemExtensions = {},
) {
  const entry = errorCodes[code];
  const lang = requestLanguage(req);
  return reply
    .status(entry.status)
    .type("application/problem+json")
    .send({
      ...extensions,
      type: `urn:portico:error:${code}`,
      title: entry.message.en,
      status: entry.status,
      code,
      detail: entry.message[lang],
      ...(fields.length ? { errors: fields } : {}),
      ...(entry.cause ? { cause: entry.cause, remedy: entry.remedy } : {}),
    });
}

/** Fastify's own refusals (before or instead of a route's schema), each with its code. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
  FST_ERR_MAX_PARAM_LENGTH: "URI_TOO_LONG",
  FST_ERR_BAD_URL: "BAD_REQUEST",
};
const STATUS_CODES: Record<number, ErrorCode> = {
  404: "NOT_FOUND",
  413: "PAYLOAD_TOO_LARGE",
  414: "URI_TOO_LONG",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/**
 * Fastify's `frameworkErrors` option: a URL it cannot decode or a path parameter over its length limit
 * answers problem+json like everything else.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, req, FRAMEWORK_CODES[err.code] ?? "BAD_REQUEST");
}

/** Where in a request a NUL character was found (PostgreSQL cannot store one), or null. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > 32 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes("\u0000")) return path;
    const found = findNul(child, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** RFC 9457 problem+json for every failure, with a stable `code`. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setNotFoundHandler((req, reply) => sendProblem(reply, req, "NOT_FOUND"));
  // The contracts refuse NUL in their text schemas; these refuse it in every other string a route may
  // pass on to the database: path parameters and query strings before any hook reads them (a portal's
  // slug is looked up in onRequest), and bodies of routes without a schema.
  const refuseNul = (parts: [string, unknown][]) => async (req: FastifyRequest, reply: FastifyReply) => {
    for (const [part, value] of parts) {
      const field = findNul(value, part);
      if (field)
        return sendProblem(reply, req, "VALIDATION_FAILED", [
          { field, message: "must not contain NUL characters", code: "nul_character" },
        ]);
    }
  };
  app.addHook("onRequest", (req, reply) =>
    refuseNul([
      ["params", req.params],
      ["querystring", req.query],
    ])(req, reply),
  );
  app.addHook("preValidation", (req, reply) => refuseNul([["body", req.body]])(req, reply));
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) return sendProblem(reply, req, err.code, err.fields, err.extensions);
    const framework = FRAMEWORK_CODES[(err as FastifyError).code];
    if (framework) return sendProblem(reply, req, framework);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) =>
        zodFieldError(String(err.validationContext), v as Parameters<typeof zodFieldError>[1]),
      );
      return sendProblem(reply, req, "VALIDATION_FAILED", fields);
    }
    const status = (err as FastifyError).statusCode ?? 500;
    const byStatus = STATUS_CODES[status];
    if (byStatus) return sendProblem(reply, req, byStatus);
    if (status >= 400 && status < 500) {
      return sendProblem(reply, req, "BAD_REQUEST", [
        { field: "request", message: err.message, code: "bad_request" },
      ]);
    }
    req.log.error({ err }, "unhandled error");
    return sendProblem(reply, req, "INTERNAL");
  });
}
