import { afterEach, describe, expect, test, vi } from "vitest";
import { apiClient } from "../api-client.js";
import { portalDocumentClient, staffDocuments } from "./document-client.js";

function answerWith(body: unknown) {
  const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(body), { status: 200 }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the document client", () => {
  test("reads each kind's list with its filters and its detail under /api", async () => {
    const fetch = answerWith([]);
    await staffDocuments.list("sales_order", { status: "confirmed", q: undefined, customerId: "" });
    await staffDocuments.detail("quote", "q1");
    await staffDocuments.list("invoice", {});
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      "/api/sales-orders?status=confirmed",
      "/api/quotes/q1",
      "/api/invoices",
    ]);
  });

  test("a portal reads the same paths under its own root", async () => {
    const fetch = answerWith({ id: "s1" });
    const portal = portalDocumentClient(apiClient({ slug: "acme" }));
    await expect(portal.detail("sales_order", "s1")).resolves.toEqual({ id: "s1" });
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/portal/acme/sales-orders/s1");
  });
});
