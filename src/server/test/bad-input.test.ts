import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer } from "../../shared/contracts/index.js";
import * as clock from "../clock.js";
import { buildCustomer, buildInvoice, buildOrg, signInContactByLink, type TestOrg } from "./factories.js";
import { createTestContext, type TestContext } from "./harness.js";
import { fingerprint } from "./security/crawler.js";

/**
 * Issue 9, part 5: each family of bad input an outside review found answering 500 answers 4xx
 * problem+json with a stable code instead, and changes nothing. The fuzzer (security/fuzz.test.ts)
 * sends a fixed corpus to every route; these are the families one by one.
 */
let ctx: TestContext;
let org: TestOrg;
let customer: Customer;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Bad Input");
  customer = await buildCustomer(ctx, org, "Careful Customer");
});
afterAll(() => ctx.close());

const api = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: method as "POST",
    url,
    headers: { cookie: org.cookie, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect({ status: res.statusCode, body: res.json() }).toMatchObject({ status, body: { code } });
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
}

/** Calls the API and expects 400 VALIDATION_FAILED as problem+json. */
const expectRefused = async (...call: Parameters<typeof api>) =>
  expectProblem(await api(...call), 400, "VALIDATION_FAILED");

const line = { description: "Work", quantityMilli: 1000, unitPriceMinor: 10_000, taxIds: [] };

describe("NUL characters", () => {
  test("in a text field, a search term or a path parameter: 400, nothing stored", async () => {
    const before = await fingerprint(ctx, org.orgId);
    await expectRefused("POST", "/api/customers", { name: "a\u0000b" });
    await expectRefused("PUT", `/api/customers/${customer.id}`, { name: "Ok", notes: "x\u0000" });
    await expectRefused("POST", "/api/invoices", {
      customerId: customer.id,
      lines: [{ ...line, description: "\u0000" }],
    });
    for (const list of ["customers", "invoices", "quotes", "sales-orders", "payments"])
      await expectRefused("GET", `/api/${list}?q=a%00b`);
    await expectRefused("GET", `/api/portal/${org.slug}%00`);
    expect(await fingerprint(ctx, org.orgId)).toBe(before);
  });
});

describe("dates", () => {
  test("dates before 1900 or after 2199 are refused everywhere: documents, payments, statements", async () => {
    const before = await fingerprint(ctx, org.orgId);
    for (const issueDate of ["0000-01-01", "9999-12-31", "1899-12-31", "2200-01-01"]) {
      await expectRefused("POST", "/api/invoices", { customerId: customer.id, issueDate, lines: [line] });
      await expectRefused("POST", "/api/quotes", { customerId: customer.id, issueDate, lines: [line] });
      await expectRefused("GET", `/api/customers/${customer.id}/statement?to=${issueDate}`);
    }
    await expectRefused("POST", "/api/payments", {
      customerId: customer.id,
      amountMinor: 100,
      method: "cash",
      paidOn: "9999-12-31",
    });
    // Nothing was stored: in particular no receipt series for year 9999 (RC9999).
    expect(await fingerprint(ctx, org.orgId)).toBe(before);
  });

  test("a due date computed from the last accepted issue date stays in range", async () => {
    const res = await api("POST", "/api/invoices", {
      customerId: customer.id,
      issueDate: "2199-12-20",
      lines: [line],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ issueDate: "2199-12-20", dueDate: "2199-12-31" });
    const quote = await api("POST", "/api/quotes", {
      customerId: customer.id,
      issueDate: "2199-12-31",
      lines: [line],
    });
    expect(quote.statusCode).toBe(201);
    expect(quote.json().expiryDate).toBe("2199-12-31");
  });

  test("a portal's purchase history refuses months out of range", async () => {
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true, lines: [line] });
    const contactEmail = customer.contacts[0]?.email as string;
    const cookie = await signInContactByLink(ctx, org, invoice.id, contactEmail);
    for (const month of ["0000-01", "9999-12", "1899-12", "2200-01"])
      for (const param of ["from", "to"]) {
        const res = await ctx.app.inject({
          url: `/api/portal/${org.slug}/purchase-history?${param}=${month}`,
          headers: { cookie },
        });
        expectProblem(res, 400, "VALIDATION_FAILED");
      }
  });
});

describe("currencies", () => {
  test("only currencies the product formats and prints: ZZZ, XXX, BTC, XAU are refused", async () => {
    const before = await fingerprint(ctx, org.orgId);
    for (const currency of ["ZZZ", "XXX", "BTC", "XAU", "CLF"]) {
      await expectRefused("POST", "/api/invoices", { customerId: customer.id, currency, lines: [line] });
      for (const doc of ["quotes", "sales-orders"])
        await expectRefused("POST", `/api/${doc}`, { customerId: customer.id, currency, lines: [line] });
      await expectRefused("POST", "/api/customers", { name: "Crypto", currency });
      await expectRefused("POST", "/api/payments", {
        customerId: customer.id,
        amountMinor: 100,
        currency,
        method: "cash",
        paidOn: clock.today("UTC"),
      });
      const settings = (await api("GET", "/api/organisation")).json();
      await expectRefused("PUT", "/api/organisation", { ...settings, baseCurrency: currency });
    }
    expect(await fingerprint(ctx, org.orgId)).toBe(before);
    // A supported one with a non-2 exponent still works end to end (issue, PDF).
    const yen = await buildInvoice(ctx, org, customer.id, { currency: "JPY", issue: true, lines: [line] });
    expect((await api("GET", `/api/invoices/${yen.id}/pdf`)).statusCode).toBe(200);
  });
});

describe("amounts", () => {
  test("a quantity and a price each in bounds but whose product overflows: 422, nothing stored", async () => {
    const before = await fingerprint(ctx, org.orgId);
    const huge = { ...line, quantityMilli: 1_000_000_000, unitPriceMinor: 1_000_000_000_000 };
    for (const doc of ["invoices", "quotes", "sales-orders"])
      expectProblem(
        await api("POST", `/api/${doc}`, { customerId: customer.id, lines: [huge] }),
        422,
        "AMOUNT_OUT_OF_RANGE",
      );
    // Many lines, each fine, whose sum is beyond the bound.
    const big = { ...line, quantityMilli: 1_000_000, unitPriceMinor: 900_000_000_000 };
    expectProblem(
      await api("POST", "/api/invoices", { customerId: customer.id, lines: [big, big] }),
      422,
      "AMOUNT_OUT_OF_RANGE",
    );
    await expectRefused("POST", "/api/payments", {
      customerId: customer.id,
      amountMinor: 1e16,
      method: "cash",
      paidOn: clock.today("UTC"),
    });
    expect(await fingerprint(ctx, org.orgId)).toBe(before);
  });

  test("an invoice with a negative total is not issued (a credit note is the way), and takes no number", async () => {
    const draft = await buildInvoice(ctx, org, customer.id, {
      lines: [{ ...line, quantityMilli: -2000 }],
    });
    expect(draft.totalMinor).toBeLessThan(0);
    const before = await fingerprint(ctx, org.orgId);
    expectProblem(await api("POST", `/api/invoices/${draft.id}/issue`, {}), 422, "INVOICE_TOTAL_NEGATIVE");
    expect(await fingerprint(ctx, org.orgId)).toBe(before);
    // A negative line inside a positive invoice (a return, say) is fine.
    const mixed = await buildInvoice(ctx, org, customer.id, {
      issue: true,
      lines: [line, { ...line, quantityMilli: -500 }],
    });
    expect(mixed.number).toBeTruthy();
  });
});

describe("Fastify's own refusals are problem+json with a code", () => {
  test("malformed JSON, too large, wrong content type, bad URL encoding, long or bad ids, bad query", async () => {
    const json = { "content-type": "application/json" };
    expectProblem(await api("POST", "/api/customers", '{"name": ', json), 400, "MALFORMED_JSON");
    expectProblem(
      await api("POST", "/api/customers", { name: "x".repeat(3 * 1024 * 1024) }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expectProblem(
      await api("POST", "/api/customers", "<c/>", { "content-type": "application/xml" }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expectProblem(await api("GET", "/api/invoices/%E0%A4%A"), 400, "BAD_REQUEST");
    expectProblem(await api("GET", `/api/invoices/${"a".repeat(5000)}`), 414, "URI_TOO_LONG");
    const notUuid = await api("GET", "/api/invoices/not-a-uuid");
    expect([400, 404]).toContain(notUuid.statusCode);
    expect(notUuid.headers["content-type"]).toMatch(/^application\/problem\+json/);
    await expectRefused("GET", "/api/invoices?open=maybe");
    expectProblem(await api("GET", "/api/no-such-route"), 404, "NOT_FOUND");
  });
});

describe("every limit is bounded", () => {
  test("each string a route accepts has a maximum length, and each list a maximum size", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is plain JSON.
    type Json = any;
    const doc = (await ctx.app.inject({ url: "/api/openapi.json" })).json() as Json;
    const unbounded: string[] = [];
    const walk = (s: Json, where: string) => {
      if (!s || typeof s !== "object") return;
      for (const v of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(v, where);
      const types = Array.isArray(s.type) ? s.type : [s.type];
      const closed = s.enum || s.format || s.pattern || s.const !== undefined;
      if (types.includes("string") && s.maxLength === undefined && !closed) unbounded.push(where);
      if (types.includes("array") && s.maxItems === undefined) unbounded.push(`${where}[]`);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${where}.${k}`);
      if (s.items) walk(s.items, `${where}[]`);
    };
    for (const [path, ops] of Object.entries<Json>(doc.paths))
      for (const [method, op] of Object.entries<Json>(ops)) {
        const key = `${method.toUpperCase()} ${path}`;
        for (const p of op.parameters ?? []) walk(p.schema, `${key} ${p.in}:${p.name}`);
        walk(op.requestBody?.content?.["application/json"]?.schema, `${key} body`);
      }
    // stringbool ("true"/"false"/…) is closed by its own parser.
    expect(unbounded.filter((u) => !/query:(open|overdue|last|unread)$/.test(u))).toEqual([]);
  });
});
