import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InvoiceSummary, ListTotals } from "../../shared/contracts/index.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../test/factories.js";
import { createTestContext, type TestContext } from "../test/harness.js";

/* Issue 19 (decision 058): the back-office lists' keyset pages and totals, through the API. */
let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;
let customerId: string;

const get = (o: TestOrg, url: string) => ctx.app.inject({ url, headers: { cookie: o.cookie } });
type Page = { items: InvoiceSummary[]; page: { next: string | null; prev: string | null } };

async function walk(o: TestOrg, base: string, limit: number, between?: () => Promise<void>) {
  const seen: InvoiceSummary[] = [];
  let res = await get(o, `${base}&limit=${limit}`);
  for (;;) {
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Page;
    seen.push(...p.items);
    if (!p.page.next) return seen;
    await between?.();
    res = await get(o, `${base}&limit=${limit}&after=${encodeURIComponent(p.page.next)}`);
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Lists Org");
  other = await buildOrg(ctx, "Lists Other");
  customerId = (await buildCustomer(ctx, org, "Paging Ltd")).id;
  // Ties on amount: three prices, eleven invoices, some issued (a number, a snapshot), some drafts.
  for (let i = 0; i < 11; i++)
    await buildInvoice(ctx, org, customerId, {
      issue: i % 2 === 0,
      lines: [{ description: `L${i}`, quantityMilli: 1000, unitPriceMinor: 1000 * ((i % 3) + 1) }],
    });
  await buildInvoice(ctx, other, (await buildCustomer(ctx, other, "Elsewhere")).id, { issue: true });
});
afterAll(() => ctx.close());

describe("back-office invoice list pages", () => {
  test.each(
    ["date", "number", "customer", "amount", "due", "status"].flatMap((s) => [
      [s, "asc"],
      [s, "desc"],
    ]),
  )("sort %s %s: every row once, and back from the last page the same rows", async (sort, dir) => {
    const base = `/api/invoices?customerId=${customerId}&sort=${sort}&dir=${dir}`;
    const forward = await walk(org, base, 3);
    expect(forward).toHaveLength(11);
    expect(new Set(forward.map((i) => i.id)).size).toBe(11);
    const backward: InvoiceSummary[] = [];
    let res = await get(org, `${base}&limit=3&last=true`);
    for (;;) {
      const p = res.json() as Page;
      backward.unshift(...p.items);
      if (!p.page.prev) break;
      res = await get(org, `${base}&limit=3&before=${encodeURIComponent(p.page.prev)}`);
    }
    expect(backward.map((i) => i.id)).toEqual(forward.map((i) => i.id));
  });

  test("stable under inserts: rows present at the start are each seen once", async () => {
    const base = `/api/invoices?customerId=${customerId}&sort=date&dir=desc`;
    const before = (await walk(org, base, 200)).map((i) => i.id);
    const seen = (await walk(org, base, 4, async () => void (await buildInvoice(ctx, org, customerId)))).map(
      (i) => i.id,
    );
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before));
  });

  test("totals equal the sums over all pages, per currency", async () => {
    const base = `/api/invoices?customerId=${customerId}`;
    const all = await walk(org, `${base}&sort=amount`, 5);
    const totals = (await get(org, `/api/invoices/totals?customerId=${customerId}`)).json() as ListTotals;
    expect(totals.count).toBe(all.length);
    expect(totals.totals).toEqual([
      {
        currency: "EUR",
        amountMinor: all.reduce((a, i) => a + i.totalMinor, 0),
        dueMinor: all.reduce((a, i) => a + i.dueMinor, 0),
      },
    ]);
    const drafts = (await get(org, `/api/invoices/totals?customerId=${customerId}&status=draft`)).json();
    expect(drafts.count).toBe(all.filter((i) => i.status === "draft").length);
  });

  test("another organisation's rows never appear and its cursor is refused", async () => {
    const mine = await walk(org, "/api/invoices?sort=date", 200);
    expect(mine.every((i) => i.customerId === customerId)).toBe(true);
    const theirs = (await get(other, "/api/invoices?limit=1")).json() as Page;
    const first = (await get(other, "/api/invoices?limit=1&last=true")).json() as Page;
    const cursor = theirs.page.next ?? first.page.prev ?? "";
    const refused = await get(org, `/api/invoices?after=${encodeURIComponent(cursor || "x")}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("CURSOR_INVALID");
    expect((await get(other, `/api/invoices/totals?customerId=${customerId}`)).json()).toEqual({
      count: 0,
      totals: [],
    });
  });

  test("bounds: limit, cursors, ranges are refused with codes and change nothing", async () => {
    const field = async (url: string) => {
      const res = await get(org, url);
      expect(res.statusCode, url).toBe(400);
      return res.json().errors?.[0];
    };
    expect(await field("/api/invoices?limit=0")).toMatchObject({ field: "querystring.limit" });
    expect(await field("/api/invoices?limit=201")).toMatchObject({ field: "querystring.limit" });
    expect(await field("/api/invoices?from=2030-02-01&to=2030-01-01")).toMatchObject({
      code: "range_reversed",
    });
    expect(await field("/api/invoices/totals?from=2000-01-01&to=2030-01-01")).toMatchObject({
      code: "range_too_long",
    });
    expect(await field("/api/invoices?after=abc&before=abc")).toMatchObject({ code: "not_allowed" });
    const page = (await get(org, `/api/invoices?sort=date&limit=1`)).json() as Page;
    const wrongSort = await get(org, `/api/invoices?sort=amount&after=${page.page.next}`);
    expect(wrongSort.json().code).toBe("CURSOR_INVALID");
  });

  test("customers and payments page the same way", async () => {
    const customers = (await get(org, "/api/customers?limit=1&sort=name")).json();
    expect(customers.items).toHaveLength(1);
    expect((await get(org, "/api/customers/totals")).json().count).toBeGreaterThanOrEqual(1);
    const payments = await get(org, "/api/payments?sort=amount&dir=asc");
    expect(payments.json()).toEqual({ items: [], page: { next: null, prev: null } });
  });
});
