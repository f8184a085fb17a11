import { beforeAll, describe, expect, test } from "vitest";
import type { ProjectSummary } from "../../../shared/contracts/index.js";
import {
  expectOrdered,
  expectPagingBounds,
  expectSortBothWays,
  type Page,
  walkForward,
} from "../../lists/list-test-support.js";
import { buildCustomer } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { buildProject, logTime } from "./test-support.js";

/* Issue 19 (decision 058): the back-office project list pages by keyset, sorts, filters, counts. */
const { ctx, org, otherOrg } = setUpTestApp("Project List Co", "Project List Other");
type Row = ProjectSummary;
const get = (cookie: () => string) => (url: string) => ctx.app.inject({ url, headers: { cookie: cookie() } });
const mine = get(() => org.cookie);
const theirs = get(() => otherOrg.cookie);
let alpha: string;
let beta: string;
let logged: string;

beforeAll(async () => {
  alpha = (await buildCustomer(ctx, org, "Alpha Ltd")).id;
  beta = (await buildCustomer(ctx, org, "Beta Ltd")).id;
  // Ties on name: "Site" three times.
  for (let i = 0; i < 8; i++)
    await buildProject(ctx, org, i < 5 ? alpha : beta, {
      name: i % 3 === 0 ? "Site" : `Project ${String.fromCharCode(97 + ((i * 5) % 26))}`,
      status: i === 7 ? "completed" : "active",
    });
  logged = (await buildProject(ctx, org, beta, { name: "Logged" })).id;
  await logTime(ctx, org.cookie, { projectId: logged, workDate: "2030-01-02", minutes: 90 });
  await buildProject(ctx, otherOrg, (await buildCustomer(ctx, otherOrg, "Elsewhere")).id);
  await buildProject(ctx, otherOrg, (await buildCustomer(ctx, otherOrg, "Elsewhere 2")).id);
});

describe("back-office project list", () => {
  test.each(["name", "customer", "created"])("sort %s both ways: every row once", async (sort) => {
    const rows = await expectSortBothWays<Row>(mine, `/api/projects?sort=${sort}`, 2, 9);
    if (sort === "customer") expectOrdered(rows, (r) => r.customerName);
  });

  test("a page carries each project's own time totals", async () => {
    const rows = await walkForward<Row>(mine, "/api/projects?sort=name", 3);
    expect(rows.find((r) => r.id === logged)?.totals.loggedMinutes).toBe(90);
    expect(rows.filter((r) => r.id !== logged).every((r) => r.totals.loggedMinutes === 0)).toBe(true);
  });

  test("stable under inserts: rows present at the start are each seen once", async () => {
    const base = `/api/projects?customerId=${alpha}&sort=created&dir=desc`;
    const before = (await walkForward<Row>(mine, base, 200)).map((r) => r.id);
    const seen = (
      await walkForward<Row>(
        mine,
        base,
        2,
        async () => void (await buildProject(ctx, org, alpha, { name: "New" })),
      )
    ).map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before));
  });

  test("filters by status and customer; the count is the whole filtered set", async () => {
    const byBeta = await walkForward<Row>(mine, `/api/projects?customerId=${beta}`, 2);
    expect(byBeta.map((r) => r.customerId)).toEqual([beta, beta, beta, beta]);
    expect((await mine(`/api/projects/totals?customerId=${beta}`)).json()).toEqual({ count: 4, totals: [] });
    const completed = await walkForward<Row>(mine, "/api/projects?status=completed", 2);
    expect(completed.map((r) => r.status)).toEqual(["completed"]);
    expect((await mine(`/api/projects/totals?status=completed&customerId=${beta}`)).json().count).toBe(1);
    expect((await mine(`/api/projects/totals?status=completed&customerId=${alpha}`)).json().count).toBe(0);
  });

  test("another organisation's rows never appear, nor count; its cursor is refused; bounds answer 400", async () => {
    const all = await walkForward<Row>(mine, "/api/projects?sort=name", 200);
    expect(all.every((r) => r.customerId === alpha || r.customerId === beta)).toBe(true);
    expect((await theirs(`/api/projects/totals?customerId=${alpha}`)).json()).toEqual({
      count: 0,
      totals: [],
    });
    const foreign = ((await theirs("/api/projects?limit=1")).json() as Page<Row>).page.next;
    expect(foreign).toBeTruthy();
    await expectPagingBounds(mine, "/api/projects", foreign ?? "");
    expect((await mine("/api/projects?sort=budget")).statusCode).toBe(400);
  });
});
