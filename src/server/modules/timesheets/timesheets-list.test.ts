import { beforeAll, describe, expect, test } from "vitest";
import type { TimesheetStatus, TimesheetSummary } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { timeEntries, timesheets } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import {
  expectOrdered,
  expectPagingBounds,
  expectSortBothWays,
  type Page,
  walkForward,
} from "../../lists/list-test-support.js";
import { buildCustomer, type TestOrg } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { buildProject, ownerUserId, type TestProject } from "./test-support.js";

/* Issue 19 (decision 058): the back-office timesheet list pages by keyset, sorts, filters, counts. */
const { ctx, org, otherOrg } = setUpTestApp("Timesheet List Co", "Timesheet List Other");
type Row = TimesheetSummary;
const get = (cookie: () => string) => (url: string) => ctx.app.inject({ url, headers: { cookie: cookie() } });
const mine = get(() => org.cookie);
const theirs = get(() => otherOrg.cookie);
const STATUSES: TimesheetStatus[] = ["pending", "approved", "rejected", "withdrawn"];
let siteA: TestProject;
let siteB: TestProject;
let alpha: string;
let beta: string;

/** A timesheet written straight to the table, with `minutes` of entries (one billable, one not). */
async function sheet(
  o: TestOrg,
  p: TestProject,
  periodFrom: string,
  status: TimesheetStatus,
  minutes: [number, number] = [0, 0],
): Promise<string> {
  const userId = await ownerUserId(ctx, o);
  return withOrg(ctx.database.db, o.orgId, async (tx) => {
    const [t] = await tx
      .insert(timesheets)
      .values({
        orgId: o.orgId,
        customerId: p.customerId,
        projectId: p.id,
        periodFrom,
        periodTo: periodFrom,
        status,
        entriesHash: "0".repeat(64),
        submittedBy: userId,
        submittedAt: clock.now(),
        ...(status === "approved" || status === "rejected"
          ? { decidedAt: clock.now(), decidedByUserId: userId }
          : {}),
        rejectionReason: status === "rejected" ? "Too many hours" : null,
      })
      .returning();
    if (!t) throw new Error("timesheet");
    const entries = minutes
      .map((m, i) => ({ m, billable: i === 0 }))
      .filter((e) => e.m > 0)
      .map((e) => ({
        orgId: o.orgId,
        customerId: p.customerId,
        projectId: p.id,
        userId,
        workDate: periodFrom,
        minutes: e.m,
        billable: e.billable,
        timesheetId: t.id,
      }));
    if (entries.length) await tx.insert(timeEntries).values(entries);
    return t.id;
  });
}

beforeAll(async () => {
  alpha = (await buildCustomer(ctx, org, "Alpha Ltd")).id;
  beta = (await buildCustomer(ctx, org, "Beta Ltd")).id;
  siteA = await buildProject(ctx, org, alpha, { name: "Site A" });
  siteB = await buildProject(ctx, org, beta, { name: "Site B" });
  // Ties on period (2030-01-01 three times) and on status.
  for (let i = 0; i < 9; i++)
    await sheet(
      org,
      i < 5 ? siteA : siteB,
      i % 3 === 0 ? "2030-01-01" : `2030-0${1 + (i % 9)}-1${i}`,
      STATUSES[i % 4] as TimesheetStatus,
      [30 * (i + 1), 10],
    );
  const elsewhere = await buildProject(ctx, otherOrg, (await buildCustomer(ctx, otherOrg, "Elsewhere")).id);
  await sheet(otherOrg, elsewhere, "2030-01-01", "pending", [60, 0]);
  await sheet(otherOrg, elsewhere, "2030-02-01", "approved", [60, 0]);
});

describe("back-office timesheet list", () => {
  test.each(["period", "status"])("sort %s both ways: every row once", async (sort) => {
    const rows = await expectSortBothWays<Row>(mine, `/api/timesheets?sort=${sort}`, 2, 9);
    expectOrdered(rows, (r) => (sort === "period" ? r.periodFrom : r.status));
  });

  test("newest period first by default; a page carries each timesheet's own minutes", async () => {
    const rows = await walkForward<Row>(mine, "/api/timesheets?", 4);
    expectOrdered([...rows].reverse(), (r) => r.periodFrom);
    expect(rows.every((r) => r.entryCount === 2 && r.minutes === r.billableMinutes + 10)).toBe(true);
  });

  test("stable under inserts: rows present at the start are each seen once", async () => {
    const base = `/api/timesheets?projectId=${siteA.id}&sort=period&dir=desc`;
    const before = (await walkForward<Row>(mine, base, 200)).map((r) => r.id);
    const seen = (
      await walkForward<Row>(
        mine,
        base,
        2,
        async () => void (await sheet(org, siteA, "2030-01-05", "pending")),
      )
    ).map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before));
  });

  test("filters by status, customer, project and period; totals are the sums over the pages", async () => {
    for (const q of [
      `customerId=${beta}`,
      `projectId=${siteB.id}`,
      "status=approved",
      "from=2030-01-01&to=2030-03-31",
      `status=pending&customerId=${alpha}`,
      "",
    ]) {
      const rows = await walkForward<Row>(mine, `/api/timesheets?${q}`, 2);
      const totals = (await mine(`/api/timesheets/totals?${q}`)).json();
      expect(totals, q).toEqual({
        count: rows.length,
        totals: [],
        minutes: rows.reduce((s, r) => s + r.minutes, 0),
        billableMinutes: rows.reduce((s, r) => s + r.billableMinutes, 0),
      });
    }
    const byBeta = await walkForward<Row>(mine, `/api/timesheets?customerId=${beta}`, 2);
    expect(byBeta.length).toBeGreaterThan(0);
    expect(byBeta.every((r) => r.customerId === beta && r.projectId === siteB.id)).toBe(true);
    const approved = await walkForward<Row>(mine, "/api/timesheets?status=approved", 2);
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.every((r) => r.status === "approved")).toBe(true);
    const q1 = await walkForward<Row>(mine, "/api/timesheets?from=2030-01-01&to=2030-03-31", 2);
    expect(q1.length).toBeGreaterThan(0);
    expect(q1.every((r) => r.periodFrom >= "2030-01-01" && r.periodFrom <= "2030-03-31")).toBe(true);
  });

  test("another organisation's rows never appear, nor count; its cursor is refused; bounds answer 400", async () => {
    const all = await walkForward<Row>(mine, "/api/timesheets?sort=period", 200);
    expect(all.every((r) => r.customerId === alpha || r.customerId === beta)).toBe(true);
    expect((await theirs(`/api/timesheets/totals?customerId=${alpha}`)).json()).toMatchObject({
      count: 0,
      minutes: 0,
    });
    expect((await theirs("/api/timesheets/totals")).json()).toMatchObject({ count: 2, minutes: 120 });
    const foreign = ((await theirs("/api/timesheets?limit=1")).json() as Page<Row>).page.next;
    expect(foreign).toBeTruthy();
    await expectPagingBounds(mine, "/api/timesheets", foreign ?? "");
    const statusCursor = ((await mine("/api/timesheets?sort=status&limit=1")).json() as Page<Row>).page.next;
    expect(
      (await mine(`/api/timesheets?sort=period&after=${encodeURIComponent(statusCursor ?? "")}`)).json().code,
    ).toBe("CURSOR_INVALID");
    for (const q of [
      "sort=hours",
      "status=lost",
      "customerId=nope",
      "from=2030-02-01&to=2030-01-01",
      "from=2000-01-01&to=2030-01-01",
      "from=2030-13-01",
    ]) {
      expect((await mine(`/api/timesheets?${q}`)).statusCode, q).toBe(400);
      expect((await mine(`/api/timesheets/totals?${q.replace("sort=hours", "to=x")}`)).statusCode, q).toBe(
        400,
      );
    }
  });
});
