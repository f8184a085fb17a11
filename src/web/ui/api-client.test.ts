import { afterEach, describe, expect, expectTypeOf, test, vi } from "vitest";
import type { Customer, PortalInvoicePage, StaffMe } from "../../shared/contracts/index.js";
import { ApiError, api, apiClient, buildPath, errorMessage, isApiError, queryString } from "./api-client.js";

type Call = [url: string, init: RequestInit];

function answerWith(response: () => Response) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => response());
  vi.stubGlobal("fetch", fetch);
  return { calls: () => fetch.mock.calls as Call[] };
}

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("building a call's address", () => {
  test("fills each :param, encoded, and appends the non-empty query entries", () => {
    expect(
      buildPath("/api/customers/:customerId/contacts/:contactId", { customerId: "c1", contactId: "k 2" }),
    ).toBe("/api/customers/c1/contacts/k%202");
    expect(
      buildPath("/api/portal/:slug/invoices", { slug: "café" }, { q: "a&b", status: "", kind: undefined }),
    ).toBe("/api/portal/caf%C3%A9/invoices?q=a%26b");
    expect(buildPath("/api/payments", {}, {})).toBe("/api/payments");
  });

  test("refuses a path whose parameter is missing rather than calling a wrong address", () => {
    expect(() => buildPath("/api/customers/:id", {})).toThrow(/id/);
  });

  test("a query string leaves out null, undefined and empty values", () => {
    expect(queryString({ a: "1", b: null, c: undefined, d: "", e: "x y" })).toBe("?a=1&e=x+y");
    expect(queryString({})).toBe("");
  });
});

describe("the typed client", () => {
  test("a GET sends no body and answers the parsed JSON", async () => {
    const fetch = answerWith(() => json({ id: "c1" }));
    const signal = new AbortController().signal;
    await expect(api.get("/api/customers/:id", { params: { id: "c1" }, signal })).resolves.toEqual({
      id: "c1",
    });
    const [url, init] = fetch.calls()[0] ?? [];
    expect(url).toBe("/api/customers/c1");
    expect(init?.method).toBe("GET");
    expect(init?.body).toBeUndefined();
    expect(init?.signal).toBe(signal);
    expect(init?.credentials).toBe("same-origin");
  });

  test("a POST sends its body as JSON, and `{}` when the route takes none", async () => {
    const fetch = answerWith(() => json({ ok: true }));
    await api.post("/api/auth/password/forgot", { body: { email: "a@b.c" } });
    await api.post("/api/invoices/:id/void", { params: { id: "i1" } });
    const [[firstUrl, first], [secondUrl, second]] = fetch.calls() as [Call, Call];
    expect([firstUrl, first.method, first.body]).toEqual([
      "/api/auth/password/forgot",
      "POST",
      '{"email":"a@b.c"}',
    ]);
    expect((first.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
    expect([secondUrl, second.method, second.body]).toEqual(["/api/invoices/i1/void", "POST", "{}"]);
  });

  test("a blob is sent as-is with its own type", async () => {
    const fetch = answerWith(() => json({ logoUrl: "/logo" }));
    const blob = new Blob(["png"], { type: "image/png" });
    await api.put("/api/organisation/logo", { blob });
    const [[, init]] = fetch.calls() as [Call];
    expect(init.body).toBe(blob);
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("image/png");
  });

  test("a 204 or an empty answer resolves to undefined", async () => {
    answerWith(() => new Response(null, { status: 204 }));
    await expect(api.delete("/api/organisation/logo")).resolves.toBeUndefined();
  });

  test("a portal's client fills in its slug", async () => {
    const fetch = answerWith(() => json({ items: [], nextCursor: null }));
    const portal = apiClient({ slug: "acme" });
    await portal.get("/api/portal/:slug/invoices", { query: { status: "open", cursor: undefined } });
    await portal.get("/api/portal/:slug/quotes/:id/comments", { params: { id: "q1" } });
    expect(fetch.calls().map(([url]) => url)).toEqual([
      "/api/portal/acme/invoices?status=open",
      "/api/portal/acme/quotes/q1/comments",
    ]);
  });

  test("a problem+json answer becomes the ApiError the UI reads, with its field errors and extensions", async () => {
    answerWith(() =>
      json(
        {
          type: "about:blank",
          title: "Unprocessable",
          status: 422,
          code: "VALIDATION",
          detail: "The issue date is before the last one",
          errors: [{ field: "body.issueDate", message: "too early", code: "too_small" }],
          lastIssueDate: "2026-01-31",
        },
        422,
        "application/problem+json",
      ),
    );
    const error = await api
      .post("/api/invoices/:id/issue", { params: { id: "i1" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error, 422)).toBe(true);
    expect(isApiError(error, 404)).toBe(false);
    const problem = error as ApiError;
    expect([problem.status, problem.code, problem.detail]).toEqual([
      422,
      "VALIDATION",
      "The issue date is before the last one",
    ]);
    expect(problem.fieldErrors).toEqual([
      { field: "body.issueDate", message: "too early", code: "too_small" },
    ]);
    expect(problem.extensions).toEqual({ lastIssueDate: "2026-01-31" });
    expect(errorMessage(problem)).toBe("The issue date is before the last one");
  });

  test("an error without a problem body keeps its status and an HTTP_ code", async () => {
    answerWith(() => new Response("<html>bad gateway</html>", { status: 502 }));
    const error = (await api.get("/api/taxes").catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code, error.fieldErrors]).toEqual([502, "HTTP_502", []]);
  });

  test("a network failure is an ApiError with status 0; an abort stays an abort", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    const error = (await api.get("/api/taxes").catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([0, "NETWORK"]);

    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new DOMException("aborted", "AbortError");
      }),
    );
    await expect(api.get("/api/taxes")).rejects.toMatchObject({ name: "AbortError" });
  });

  test("a missing parameter rejects the call before any request", async () => {
    const fetch = answerWith(() => json({}));
    const untyped = api.get as (path: string, options?: object) => Promise<unknown>;
    await expect(untyped("/api/customers/:id")).rejects.toThrow(/Missing path parameter "id"/);
    expect(fetch.calls()).toEqual([]);
  });

  // Checked by `tsc` only: the function is never called.
  const typeChecks = () => {
    expectTypeOf(api.get("/api/auth/me")).resolves.toEqualTypeOf<StaffMe>();
    expectTypeOf(api.get("/api/customers/:id", { params: { id: "c1" } })).resolves.toEqualTypeOf<Customer>();
    expectTypeOf(
      apiClient({ slug: "a" }).get("/api/portal/:slug/invoices"),
    ).resolves.toEqualTypeOf<PortalInvoicePage>();
    // @ts-expect-error: no such route
    void api.get("/api/customerz");
    // @ts-expect-error: the path's :id is required
    void api.get("/api/customers/:id");
    // @ts-expect-error: a parameter the path does not have
    void api.get("/api/customers/:id", { params: { id: "c1", other: "x" } });
    // @ts-expect-error: the route takes a body
    void api.post("/api/customers");
    // @ts-expect-error: the portal's routes need its slug
    void api.get("/api/portal/:slug/me");
  };
  void typeChecks;
});
