import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  ListTotals,
  RecurringProfileBody,
  RecurringProfileSummary,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import {
  expectOrdered,
  expectPagingBounds,
  expectSortBothWays,
  type Page,
  walkForward,
} from "../../lists/list-test-support.js";
import { buildCustomer, loginStaff } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";

/* Issue 19 (decision 058): the back-office recurring profile list pages by keyset, sorts, filters, sums. */
const { ctx, org, otherOrg } = setUpTestApp("Recurring List Co", "Recurring List Other");
type Row = RecurringProfileSummary;
const get = (cookie: () => string) => (url: string) => ctx.app.inject({ url, headers: { cookie: cookie() } });
const mine = get(() => org.cookie);
const theirs = get(() => otherOrg.cookie);
let alpha: string;
let beta: string;

async function create(
  cookie: string,
  customerId: string,
  i: number,
  over: Partial<RecurringProfileBody> = {},
) {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/recurring-profiles",
    headers: { cookie },
    payload: {
      customerId,
      name: `Profile ${String.fromCharCode(97 + ((i * 7) % 26))}${i}`,
      // Ties on amount: three prices; a 10 % discount on some lines (the net is after it).
      lines: [
        {
          description: "Hosting",
          quantityMilli: 1500,
          unitPriceMinor: 1000 * ((i % 3) + 1),
          discountBp: i % 2 ? 1000 : 0,
          taxIds: [],
        },
      ],
      frequency: "monthly",
      startDate: `2041-0${(i % 4) + 2}-1${i % 3}`,
      mode: "draft",
      ...over,
    } satisfies RecurringProfileBody,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

beforeAll(async () => {
  clock.setClock("2041-01-05T09:00:00Z");
  org.cookie = await loginStaff(ctx, org.email, org.password);
  otherOrg.cookie = await loginStaff(ctx, otherOrg.email, otherOrg.password);
  alpha = (await buildCustomer(ctx, org, "Alpha Ltd")).id;
  beta = (await buildCustomer(ctx, org, "Beta Ltd")).id;
  for (let i = 0; i < 9; i++) await create(org.cookie, i < 5 ? alpha : beta, i);
  // One paused, one stopped (no next run: last when soonest first).
  const [paused, stopped] = (await walkForward<Row>(mine, "/api/recurring-profiles?sort=name", 50)).slice(
    0,
    2,
  );
  for (const [p, verb] of [
    [paused, "pause"],
    [stopped, "stop"],
  ] as const) {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/recurring-profiles/${p?.id}/${verb}`,
      headers: { cookie: org.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  await create(otherOrg.cookie, (await buildCustomer(ctx, otherOrg, "Elsewhere")).id, 1);
});
afterAll(() => clock.resetClock());

describe("back-office recurring profile list", () => {
  test.each(["next", "name", "customer", "amount"])("sort %s both ways: every row once", async (sort) => {
    const rows = await expectSortBothWays<Row>(mine, `/api/recurring-profiles?sort=${sort}`, 2, 9);
    if (sort === "amount") expectOrdered(rows, (r) => r.netMinor);
    if (sort === "next") expectOrdered(rows, (r) => r.nextDate ?? "9999-12-31");
    if (sort === "customer") expectOrdered(rows, (r) => r.customerName);
  });

  test("the default order is the next run, soonest first; a stopped profile last", async () => {
    const rows = (await mine("/api/recurring-profiles")).json() as Page<Row>;
    expect(rows.items).toHaveLength(9);
    expectOrdered(rows.items, (r) => r.nextDate ?? "9999-12-31");
    expect(rows.items.at(-1)?.status).toBe("stopped");
    expect(rows.page).toEqual({ next: null, prev: null });
  });

  test("the amount is one invoice's before taxes, after the line discounts", async () => {
    const rows = await walkForward<Row>(mine, "/api/recurring-profiles?sort=amount", 50);
    expect(new Set(rows.map((r) => r.netMinor))).toEqual(new Set([1500, 1350, 3000, 2700, 4500, 4050]));
  });

  test("stable under inserts: rows present at the start are each seen once", async () => {
    const base = "/api/recurring-profiles?customerId=" + alpha + "&sort=name&dir=asc";
    const before = (await walkForward<Row>(mine, base, 200)).map((r) => r.id);
    let n = 20;
    const seen = (
      await walkForward<Row>(mine, base, 2, async () => void (await create(org.cookie, alpha, n++)))
    ).map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before));
  });

  test("filters by status, customer and currency; totals equal the sums over all pages", async () => {
    const byBeta = await walkForward<Row>(mine, `/api/recurring-profiles?customerId=${beta}`, 3);
    expect(byBeta).toHaveLength(4);
    expect(byBeta.every((r) => r.customerId === beta)).toBe(true);
    const active = await walkForward<Row>(mine, "/api/recurring-profiles?status=active", 3);
    expect(active.every((r) => r.status === "active")).toBe(true);
    expect(
      (await walkForward<Row>(mine, "/api/recurring-profiles?status=paused", 3)).map((r) => r.status),
    ).toEqual(["paused"]);
    expect((await mine("/api/recurring-profiles?currency=USD")).json()).toEqual({
      items: [],
      page: { next: null, prev: null },
    });

    const totals = (await mine(`/api/recurring-profiles/totals?customerId=${beta}`)).json() as ListTotals;
    expect(totals).toEqual({
      count: 4,
      totals: [{ currency: "EUR", amountMinor: byBeta.reduce((a, r) => a + r.netMinor, 0) }],
    });
    expect((await mine("/api/recurring-profiles/totals?status=stopped")).json()).toMatchObject({ count: 1 });
  });

  test("another organisation's rows never appear, nor its totals; its cursor is refused", async () => {
    const all = await walkForward<Row>(mine, "/api/recurring-profiles?sort=name", 200);
    expect(all.every((r) => r.customerId === alpha || r.customerId === beta)).toBe(true);
    expect((await theirs(`/api/recurring-profiles/totals?customerId=${alpha}`)).json()).toEqual({
      count: 0,
      totals: [],
    });
    await create(otherOrg.cookie, (await buildCustomer(ctx, otherOrg, "Elsewhere 2")).id, 2);
    const foreign = ((await theirs("/api/recurring-profiles?limit=1")).json() as Page<Row>).page.next;
    expect(foreign).toBeTruthy();
    await expectPagingBounds(mine, "/api/recurring-profiles", foreign ?? "");
    const byName = ((await mine("/api/recurring-profiles?sort=name&limit=1")).json() as Page<Row>).page.next;
    const wrongSort = await mine(`/api/recurring-profiles?sort=amount&after=${byName}`);
    expect(wrongSort.statusCode).toBe(400);
    expect(wrongSort.json().code).toBe("CURSOR_INVALID");
    expect((await mine("/api/recurring-profiles?status=nope")).statusCode).toBe(400);
  });
});
