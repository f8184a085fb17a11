import i18n from "../i18n/index.js";
import type { EndpointOf, Method, PathOf } from "./endpoints.js";

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

/** One request; call sites use the typed `api` below. */
async function apiRequest(path: string, options: RequestOptions = {}): Promise<unknown> {
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
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
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

/** The `:name` parameters of a path: `ParamNames<"/api/customers/:customerId/contacts/:contactId">` is both. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A query string's entries: empty, null and undefined values are left out. */
export type QueryParams = object;

type ParamsOption<P extends string, Fixed extends string> = [Exclude<ParamNames<P>, Fixed>] extends [never]
  ? { params?: undefined }
  : { params: { [K in Exclude<ParamNames<P>, Fixed>]: string } };

type BodyOption<E> = E extends { blob: Blob }
  ? { blob: Blob; body?: undefined }
  : E extends { body: infer B }
    ? { body: B }
    : E extends { body?: infer B }
      ? { body?: B }
      : { body?: undefined };

/** What one call takes besides its path: the path's parameters, a query, the body the table asks for. */
export type CallOptions<M extends Method, P extends PathOf<M>, Fixed extends string = never> = ParamsOption<
  P,
  Fixed
> &
  BodyOption<EndpointOf<M, P>> & { query?: QueryParams; signal?: AbortSignal };

type CallArgs<M extends Method, P extends PathOf<M>, Fixed extends string> =
  object extends CallOptions<M, P, Fixed>
    ? [options?: CallOptions<M, P, Fixed>]
    : [options: CallOptions<M, P, Fixed>];

type Answer<M extends Method, P extends PathOf<M>> =
  EndpointOf<M, P> extends { response: infer R } ? R : never;

/** The address of a call: each `:name` replaced by its (encoded) value, then the query string. */
export function buildPath(path: string, params: Record<string, string> = {}, query?: QueryParams): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" of ${path}`);
    return encodeURIComponent(value);
  });
  return query ? `${filled}${queryString(query)}` : filled;
}

interface LooseOptions {
  params?: Record<string, string>;
  query?: QueryParams;
  body?: unknown;
  blob?: Blob;
  signal?: AbortSignal;
}

/**
 * The typed client over the endpoint table (ui/endpoints.ts): the path is one of the table's, its
 * parameters are checked, and the answer's type follows from the route, so no call writes `<T>`.
 * `fixed` fills parameters every call shares (a portal's `slug`).
 */
export function apiClient<Fixed extends string = never>(
  fixed: Record<Fixed, string> = {} as Record<Fixed, string>,
) {
  const call =
    (method: Method) =>
    async (path: string, options: LooseOptions = {}): Promise<unknown> =>
      apiRequest(buildPath(path, { ...fixed, ...options.params }, options.query), {
        method,
        body: options.body,
        blob: options.blob,
        signal: options.signal,
      });
  const get = call("GET");
  const post = call("POST");
  const put = call("PUT");
  const del = call("DELETE");
  return {
    get: <P extends PathOf<"GET">>(path: P, ...[options]: CallArgs<"GET", P, Fixed>) =>
      get(path, options as LooseOptions) as Promise<Answer<"GET", P>>,
    post: <P extends PathOf<"POST">>(path: P, ...[options]: CallArgs<"POST", P, Fixed>) =>
      post(path, options as LooseOptions) as Promise<Answer<"POST", P>>,
    put: <P extends PathOf<"PUT">>(path: P, ...[options]: CallArgs<"PUT", P, Fixed>) =>
      put(path, options as LooseOptions) as Promise<Answer<"PUT", P>>,
    delete: <P extends PathOf<"DELETE">>(path: P, ...[options]: CallArgs<"DELETE", P, Fixed>) =>
      del(path, options as LooseOptions) as Promise<Answer<"DELETE", P>>,
  };
}

/** The back office's client (and the portal's, given the slug: see `portal/slug.ts`). */
export const api = apiClient();
export type ApiClient<Fixed extends string = never> = ReturnType<typeof apiClient<Fixed>>;

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** The message to show for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return i18n.t("errors.unexpected");
}

/** "?status=paid&q=x" from the defined, non-empty entries. */
export function queryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const s = search.toString();
  return s ? `?${s}` : "";
}
