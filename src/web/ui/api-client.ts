import i18n from "../i18n/index.js";

export interface FieldError {
  field: string;
  /** The server's English text; show `fieldErrorText` (ui/field-error-text.ts) instead. */
  message: string;
  /** A stable machine code (zod's issue code or a custom one such as `invalid_iban`) and its params. */
  code?: string;
  params?: Record<string, string | number | boolean | string[]>;
}

/** A failed API call, carrying the problem+json fields the UI shows. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  /** The problem's other members (RFC 9457 extensions), such as the dates of an issue-date refusal. */
  readonly extensions: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    detail: string,
    fieldErrors: FieldError[] = [],
    extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.extensions = extensions;
  }
}

const STANDARD_MEMBERS = new Set(["type", "title", "status", "code", "detail", "errors", "cause", "remedy"]);

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON; mutating requests without a body send `{}`. */
  body?: unknown;
  /** Sent as-is with its own type (logo upload). */
  blob?: Blob;
  signal?: AbortSignal;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    "Accept-Language": i18n.language || "en",
  };
  let body: BodyInit | undefined;
  if (options.blob) {
    headers["Content-Type"] = options.blob.type;
    body = options.blob;
  } else if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"));
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as Partial<{
      code: string;
      detail: string;
      errors: FieldError[];
    }> &
      Record<string, unknown>;
    const extensions = Object.fromEntries(
      Object.entries(problem).filter(([key]) => !STANDARD_MEMBERS.has(key)),
    );
    return new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.detail ?? i18n.t("errors.unexpected"),
      Array.isArray(problem.errors) ? problem.errors : [],
      extensions,
    );
  } catch {
    return new ApiError(response.status, `HTTP_${response.status}`, i18n.t("errors.unexpected"));
  }
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "POST", body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: "PUT", body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: "DELETE" }),
};

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** The message to show for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return i18n.t("errors.unexpected");
}

/** "?status=paid&q=x" from the defined, non-empty entries. */
export function queryString(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const s = search.toString();
  return s ? `?${s}` : "";
}
