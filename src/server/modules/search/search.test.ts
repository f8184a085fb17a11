import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer, SearchResponse, SearchResult } from "../../../shared/contracts/index.js";
import { buildCustomer, buildInvoice, buildOrg, buildQuote, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { buildSalesOrder } from "../sales-orders/test-support.js";

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;
let acme: Customer;
let globex: Customer;
let invoiceNumber: string;
let invoiceId: string;
let invoiceTotal: number;

async function search(q: string, as: TestOrg = org): Promise<SearchResult[]> {
  const res = await ctx.app.inject({
    method: "GET",
    url: `/api/search?q=${encodeURIComponent(q)}`,
    headers: { cookie: as.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as SearchResponse).results;
}

const kindsOf = (results: SearchResult[]) => [...new Set(results.map((r) => r.kind))];

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Search Org");
  other = await buildOrg(ctx, "Other Search Org");
  acme = await buildCustomer(
    ctx,
    org,
    "Acme Trading",
    [{ name: "Wile Coyote", email: "wile@acme.example", isPrimary: true }],
    { taxId: "B12345678", email: "billing@acme.example" },
  );
  globex = await buildCustomer(ctx, org, "Globex Acme Partners", [
    { name: "Hank Scorpio", email: "hank@globex.example", isPrimary: true },
  ]);
  const invoice = await buildInvoice(ctx, org, acme.id, { issue: true });
  invoiceNumber = invoice.number ?? "";
  invoiceId = invoice.id;
  invoiceTotal = invoice.totalMinor;
  await buildInvoice(ctx, org, acme.id); // a draft: no number
  await buildInvoice(ctx, org, globex.id, { issue: true });
  await buildQuote(ctx, org, acme.id, { send: true });
  await buildSalesOrder(ctx, org, acme.id, { confirm: true });
  // Another organisation with a customer of the same name, tax id and documents numbered alike.
  const theirs = await buildCustomer(
    ctx,
    other,
    "Acme Trading",
    [{ name: "Wile Coyote", email: "wile@acme.example", isPrimary: true }],
    { taxId: "B12345678" },
  );
  await buildInvoice(ctx, other, theirs.id, { issue: true });
});

afterAll(() => ctx?.close());

describe("GET /api/search", () => {
  test("a customer's name finds the customer, its contacts' customer and its documents, grouped by kind", async () => {
    const results = await search("acme");
    expect(kindsOf(results)).toEqual(["customer", "contact", "invoice", "quote", "sales_order"]);
    // The name that starts with the text before the one that only contains it.
    expect(results.filter((r) => r.kind === "customer").map((r) => r.title)).toEqual([
      "Acme Trading",
      "Globex Acme Partners",
    ]);
    const inv = results.find((r) => r.id === invoiceId);
    expect(inv).toMatchObject({
      kind: "invoice",
      title: invoiceNumber,
      subtitle: "Acme Trading",
      path: `/invoices/${invoiceId}`,
      currency: "EUR",
      totalMinor: invoiceTotal,
    });
    // Acme's draft too (by its customer), with no number yet.
    expect(results.filter((r) => r.kind === "invoice" && r.title === null)).toHaveLength(1);
    expect(results.find((r) => r.kind === "quote")?.path).toMatch(/^\/quotes\//);
    expect(results.find((r) => r.kind === "sales_order")?.path).toMatch(/^\/sales-orders\//);
  });

  test("a document number, its prefix in any case or its sequence find the document first", async () => {
    const exact = await search(invoiceNumber);
    expect(exact[0]).toMatchObject({ kind: "invoice", id: invoiceId });
    const prefix = await search(invoiceNumber.slice(0, 3).toLowerCase());
    expect(prefix.filter((r) => r.kind === "invoice").map((r) => r.title)).toContain(invoiceNumber);
    const sequence = invoiceNumber.split("-").at(-1) ?? "";
    expect((await search(sequence)).map((r) => r.id)).toContain(invoiceId);
  });

  test("a tax id and an email find the customer; a contact's email finds the contact", async () => {
    expect((await search("b12345678")).filter((r) => r.kind === "customer").map((r) => r.id)).toEqual([
      acme.id,
    ]);
    expect((await search("billing@acme")).map((r) => r.id)).toContain(acme.id);
    const contact = (await search("hank@globex.example")).find((r) => r.kind === "contact");
    expect(contact).toMatchObject({
      title: "Hank Scorpio",
      subtitle: globex.name,
      path: `/customers/${globex.id}`,
    });
  });

  test("another organisation's rows never appear", async () => {
    const ours = new Set((await search("acme")).map((r) => r.id));
    const theirs = await search("acme", other);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.filter((r) => ours.has(r.id))).toEqual([]);
    expect(theirs.some((r) => r.id === acme.id || r.id === invoiceId)).toBe(false);
  });

  test("% and _ are taken literally; nothing found is an empty list", async () => {
    expect(await search("%")).toEqual([]);
    expect(await search("a_e")).toEqual([]);
    expect(await search("zzz-nothing")).toEqual([]);
  });

  test("an empty, blank or too long text is refused with a code", async () => {
    for (const q of ["", "   ", "x".repeat(101)]) {
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/search?q=${encodeURIComponent(q)}`,
        headers: { cookie: org.cookie },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("VALIDATION_FAILED");
    }
    const missing = await ctx.app.inject({
      method: "GET",
      url: "/api/search",
      headers: { cookie: org.cookie },
    });
    expect(missing.statusCode).toBe(400);
  });

  test("at most five of each kind", async () => {
    for (let i = 0; i < 6; i++) await buildCustomer(ctx, org, `Many Acme ${i}`, []);
    const results = await search("acme");
    expect(results.filter((r) => r.kind === "customer")).toHaveLength(5);
    expect(results.filter((r) => r.kind === "contact").length).toBeLessThanOrEqual(5);
  });
});
