import { eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import type {
  RecurringInvoice,
  RecurringProfileBody,
  RecurringProfileDetail,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { invoices, jobs, recurringProfiles } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import { jobContextOf, testJobRunner } from "../../jobs/test-support.js";
import { buildCustomer, loginStaff } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { assertRecurringChargeAllowedInTx } from "./recurring.service.js";
import { AUTO_CHARGE_JOB, runRecurringTick } from "./recurring-run.js";

const { ctx, org, otherOrg } = setUpTestApp("Recurring Co", "Other Recurring");
const db = () => ctx.database.db;
afterEach(async () => {
  clock.resetClock();
  // Each test's profiles end with it: the tick runs every organisation's, and the next test moves the clock.
  for (const o of [org, otherOrg])
    await withOrg(db(), o.orgId, (tx) =>
      tx.update(recurringProfiles).set({ status: "stopped", nextDate: null }),
    );
});

/** Moves the clock to 10:00 (Madrid) of a day and signs in again (a session does not outlive a jump). */
async function at(day: string): Promise<string> {
  clock.setClock(`${day}T09:00:00Z`);
  otherOrg.cookie = await loginStaff(ctx, otherOrg.email, otherOrg.password);
  org.cookie = await loginStaff(ctx, org.email, org.password);
  return org.cookie;
}

const tick = () => runRecurringTick(jobContextOf(ctx));

function body(customerId: string, over: Partial<RecurringProfileBody> = {}): RecurringProfileBody {
  return {
    customerId,
    name: "Hosting",
    lines: [{ description: "Monthly hosting", quantityMilli: 1000, unitPriceMinor: 2500, taxIds: [] }],
    frequency: "monthly",
    startDate: "2041-01-31",
    paymentTermsDays: 15,
    mode: "send",
    ...over,
  };
}

async function create(cookie: string, payload: RecurringProfileBody) {
  return ctx.app.inject({ method: "POST", url: "/api/recurring-profiles", headers: { cookie }, payload });
}

async function created(cookie: string, payload: RecurringProfileBody): Promise<RecurringProfileDetail> {
  const res = await create(cookie, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function madeBy(cookie: string, id: string): Promise<RecurringInvoice[]> {
  const res = await ctx.app.inject({ url: `/api/recurring-profiles/${id}/invoices`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const action = (cookie: string, id: string, verb: "pause" | "resume" | "stop") =>
  ctx.app.inject({ method: "POST", url: `/api/recurring-profiles/${id}/${verb}`, headers: { cookie } });

const detail = async (cookie: string, id: string): Promise<RecurringProfileDetail> =>
  (await ctx.app.inject({ url: `/api/recurring-profiles/${id}`, headers: { cookie } })).json();

describe("recurring profiles", () => {
  test("a profile whose invoice would pass the largest amount is refused (AMOUNT_OUT_OF_RANGE) and not kept", async () => {
    const cookie = await at("2041-01-31");
    const customer = await buildCustomer(ctx, org, "Huge Client");
    const huge = {
      description: "Everything",
      quantityMilli: 1_000_000_000,
      unitPriceMinor: 1_000_000_000_000,
      taxIds: [],
    };
    const res = await create(cookie, body(customer.id, { lines: [huge] }));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: "AMOUNT_OUT_OF_RANGE" });
    const kept = await withOrg(db(), org.orgId, (tx) =>
      tx.select().from(recurringProfiles).where(eq(recurringProfiles.customerId, customer.id)),
    );
    expect(kept).toEqual([]);
  });

  test("a monthly profile makes one invoice per occurrence, dated from the anchor, however often the tick runs", async () => {
    let cookie = await at("2041-01-31");
    const customer = await buildCustomer(ctx, org, "Monthly Client");
    const p = await created(cookie, body(customer.id));
    expect(p).toMatchObject({ status: "active", nextDate: "2041-01-31", invoicesMade: 0 });
    expect(p.upcomingDates).toEqual([
      "2041-01-31",
      "2041-02-28",
      "2041-03-31",
      "2041-04-30",
      "2041-05-31",
      "2041-06-30",
    ]);

    expect(await tick()).toBe(1);
    expect(await tick()).toBe(0);
    await Promise.all([tick(), tick(), tick()]);
    let made = await madeBy(cookie, p.id);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      occurrenceDate: "2041-01-31",
      issueDate: "2041-01-31",
      dueDate: "2041-02-15",
      status: "sent",
      totalMinor: 2500,
    });
    expect(made[0]?.number).toMatch(/\d/);

    // The email went out by the delivery mode, to the customer's contacts.
    const outbox = await ctx.app.inject({
      url: "/api/outbox?kind=invoice_sent&limit=200",
      headers: { cookie },
    });
    const emails = outbox.json().items;
    expect(emails.length).toBeGreaterThanOrEqual(2);

    // 28 February, then 31 March: never chained.
    cookie = await at("2041-02-28");
    await Promise.all([tick(), tick()]);
    cookie = await at("2041-03-31");
    expect(await tick()).toBe(1);
    made = await madeBy(cookie, p.id);
    expect(made.map((i) => i.occurrenceDate)).toEqual(["2041-03-31", "2041-02-28", "2041-01-31"]);
    expect(await detail(cookie, p.id)).toMatchObject({ invoicesMade: 3, nextDate: "2041-04-30" });
  });

  test("after downtime, each missed occurrence is made once; a past start sends no burst", async () => {
    let cookie = await at("2041-06-10");
    const customer = await buildCustomer(ctx, org, "Weekly Client");
    // Started months ago: begins at the first occurrence from today, nothing for the past.
    const past = await created(
      cookie,
      body(customer.id, { frequency: "weekly", startDate: "2041-01-01", mode: "draft" }),
    );
    expect(past.nextDate).toBe("2041-06-11");
    expect(await tick()).toBe(0);
    // The server was down three weeks: three invoices, one per missed week, then nothing more.
    cookie = await at("2041-06-26");
    expect(await tick()).toBe(3);
    expect(await tick()).toBe(0);
    const made = await madeBy(cookie, past.id);
    expect(made.map((i) => i.occurrenceDate)).toEqual(["2041-06-25", "2041-06-18", "2041-06-11"]);
    expect(made.every((i) => i.status === "draft" && i.number === null)).toBe(true);
    expect(made.every((i) => i.issueDate === "2041-06-26")).toBe(true);
  });

  test("the periodic task recurring.tick runs in the job runner", async () => {
    const cookie = await at("2041-08-01");
    const customer = await buildCustomer(ctx, org, "Runner Client");
    const p = await created(cookie, body(customer.id, { startDate: "2041-08-01", mode: "draft" }));
    const runner = testJobRunner(ctx);
    await runner.drain();
    expect(await madeBy(cookie, p.id)).toHaveLength(1);
    await runner.drain();
    expect(await madeBy(cookie, p.id)).toHaveLength(1);
  });

  test("charge_and_send issues, sends and enqueues invoice.auto_charge in the same transaction", async () => {
    const cookie = await at("2041-09-05");
    const customer = await buildCustomer(ctx, org, "Charged Client");
    const p = await created(cookie, body(customer.id, { startDate: "2041-09-05", mode: "charge_and_send" }));
    expect(await tick()).toBe(1);
    const [invoice] = await madeBy(cookie, p.id);
    expect(invoice?.status).toBe("sent");
    const queued = await withSystem(db(), (tx) =>
      tx.select().from(jobs).where(eq(jobs.kind, AUTO_CHARGE_JOB)),
    );
    expect(queued.filter((j) => (j.payload as { invoiceId: string }).invoiceId === invoice?.id)).toHaveLength(
      1,
    );
    expect(queued[0]?.orgId).toBe(org.orgId);
  });

  test("an end after N invoices or on a date ends the profile", async () => {
    let cookie = await at("2041-10-01");
    const customer = await buildCustomer(ctx, org, "Ending Client");
    const two = await created(
      cookie,
      body(customer.id, { startDate: "2041-10-01", endKind: "after_count", endAfterCount: 2, mode: "draft" }),
    );
    const dated = await created(
      cookie,
      body(customer.id, {
        startDate: "2041-10-01",
        endKind: "on_date",
        endOnDate: "2041-10-20",
        frequency: "every_2_weeks",
        mode: "draft",
      }),
    );
    expect(dated.upcomingDates).toEqual(["2041-10-01", "2041-10-15"]);
    cookie = await at("2042-01-15");
    await tick();
    expect(await madeBy(cookie, two.id)).toHaveLength(2);
    expect(await madeBy(cookie, dated.id)).toHaveLength(2);
    expect(await detail(cookie, two.id)).toMatchObject({
      status: "ended",
      nextDate: null,
      upcomingDates: [],
    });
    expect(await detail(cookie, dated.id)).toMatchObject({ status: "ended", nextDate: null });
    expect((await action(cookie, two.id, "pause")).json().code).toBe("RECURRING_PROFILE_NOT_ACTIVE");
  });

  test("pause skips the occurrences while paused (no burst on resume); stop is for good", async () => {
    let cookie = await at("2042-02-01");
    const customer = await buildCustomer(ctx, org, "Paused Client");
    const p = await created(
      cookie,
      body(customer.id, { startDate: "2042-02-01", frequency: "weekly", mode: "draft" }),
    );
    await tick();
    expect((await action(cookie, p.id, "pause")).json()).toMatchObject({ status: "paused" });
    expect((await action(cookie, p.id, "pause")).json().code).toBe("RECURRING_PROFILE_NOT_ACTIVE");
    cookie = await at("2042-03-03");
    expect(await tick()).toBe(0);
    const resumed = (await action(cookie, p.id, "resume")).json();
    expect(resumed).toMatchObject({ status: "active", nextDate: "2042-03-08" });
    expect((await action(cookie, p.id, "resume")).json().code).toBe("RECURRING_PROFILE_NOT_PAUSED");
    expect(await tick()).toBe(0);
    const stopped = await action(cookie, p.id, "stop");
    expect(stopped.json()).toMatchObject({ status: "stopped", nextDate: null });
    expect((await action(cookie, p.id, "resume")).json().code).toBe("RECURRING_PROFILE_NOT_PAUSED");
    const edit = await ctx.app.inject({
      method: "PUT",
      url: `/api/recurring-profiles/${p.id}`,
      headers: { cookie },
      payload: body(customer.id),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe("RECURRING_PROFILE_FINISHED");
    cookie = await at("2042-06-01");
    expect(await tick()).toBe(0);
    expect(await madeBy(cookie, p.id)).toHaveLength(1);
  });

  test("an edit reschedules from today and never bills a date already billed", async () => {
    const cookie = await at("2042-07-01");
    const customer = await buildCustomer(ctx, org, "Edited Client");
    const p = await created(cookie, body(customer.id, { startDate: "2042-07-01", mode: "draft" }));
    await tick();
    // Same day, now weekly from 24 June: 1 July was billed, so the next is 8 July.
    const res = await ctx.app.inject({
      method: "PUT",
      url: `/api/recurring-profiles/${p.id}`,
      headers: { cookie },
      payload: body(customer.id, {
        startDate: "2042-06-24",
        frequency: "weekly",
        mode: "draft",
        name: "Weekly now",
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: "Weekly now", nextDate: "2042-07-08", invoicesMade: 1 });
    expect(await tick()).toBe(0);
  });

  test("deleting a profile keeps its invoices, which no longer name it: no auto-charge for them (CP1004)", async () => {
    const cookie = await at("2042-09-01");
    const customer = await buildCustomer(ctx, org, "Deleted Profile Client");
    const p = await created(cookie, body(customer.id, { startDate: "2042-09-01" }));
    await tick();
    const [invoice] = await madeBy(cookie, p.id);
    if (!invoice) throw new Error("no invoice");
    await withOrg(db(), org.orgId, (tx) => assertRecurringChargeAllowedInTx(tx, invoice.id));
    const before = await ctx.app.inject({ url: `/api/invoices/${invoice.id}`, headers: { cookie } });
    expect(before.json()).toMatchObject({ recurringProfileId: p.id });
    const del = await ctx.app.inject({
      method: "DELETE",
      url: `/api/recurring-profiles/${p.id}`,
      headers: { cookie },
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(
      (await ctx.app.inject({ url: `/api/recurring-profiles/${p.id}`, headers: { cookie } })).statusCode,
    ).toBe(404);
    const kept = await ctx.app.inject({ url: `/api/invoices/${invoice.id}`, headers: { cookie } });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ status: "sent", number: invoice.number, recurringProfileId: null });
    const [row] = await withOrg(db(), org.orgId, (tx) =>
      tx.select().from(invoices).where(eq(invoices.id, invoice.id)),
    );
    expect(row).toMatchObject({ recurringProfileId: null, recurringOccurrenceDate: "2042-09-01" });
    await expect(
      withOrg(db(), org.orgId, (tx) => assertRecurringChargeAllowedInTx(tx, invoice.id)),
    ).rejects.toMatchObject({ code: "CP1004" });
  });

  test("the unique (profile, occurrence) key refuses a second invoice for one occurrence", async () => {
    const cookie = await at("2042-11-02");
    const customer = await buildCustomer(ctx, org, "Unique Client");
    const p = await created(cookie, body(customer.id, { startDate: "2042-11-02", mode: "draft" }));
    await tick();
    const [invoice] = await madeBy(cookie, p.id);
    // As if a killed process's transaction had not moved the profile on: the occurrence is made again.
    await withOrg(db(), org.orgId, (tx) =>
      tx
        .update(recurringProfiles)
        .set({ nextIndex: 0, nextDate: "2042-11-02", invoicesMade: 0 })
        .where(eq(recurringProfiles.id, p.id)),
    );
    expect(await tick()).toBe(0);
    expect((await madeBy(cookie, p.id)).map((i) => i.id)).toEqual([invoice?.id]);
    expect((await detail(cookie, p.id)).lastError).toMatch(/invoices_recurring_key/);
  });

  test("a failure is kept on the profile for staff and retried at the next tick", async () => {
    const cookie = await at("2042-12-01");
    const customer = await buildCustomer(ctx, org, "Archived Client");
    const p = await created(cookie, body(customer.id, { startDate: "2042-12-01", mode: "draft" }));
    expect(
      (await ctx.app.inject({ method: "DELETE", url: `/api/customers/${customer.id}`, headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    expect(await tick()).toBe(0);
    const failed = await detail(cookie, p.id);
    expect(failed.lastError).toBeTruthy();
    expect(failed.nextDate).toBe("2042-12-01");
    await ctx.app.inject({
      method: "POST",
      url: `/api/customers/${customer.id}/restore`,
      headers: { cookie },
    });
    expect(await tick()).toBe(1);
    expect((await detail(cookie, p.id)).lastError).toBeNull();
  });

  test("refusals: bad end rules, another organisation's customer or profile, nothing left to make", async () => {
    const cookie = await at("2043-01-10");
    const customer = await buildCustomer(ctx, org, "Refused Client");
    const noCount = await create(cookie, body(customer.id, { endKind: "after_count" }));
    expect(noCount.statusCode).toBe(400);
    expect(noCount.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "body.endAfterCount", code: "required" })]),
    );
    const reversed = await create(cookie, body(customer.id, { endKind: "on_date", endOnDate: "2040-01-01" }));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "body.endOnDate", code: "range_reversed" })]),
    );
    const over = await create(
      cookie,
      body(customer.id, { startDate: "2042-01-01", endKind: "on_date", endOnDate: "2042-06-01" }),
    );
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe("RECURRING_NOTHING_LEFT");
    const noLines = await create(cookie, body(customer.id, { lines: [] }));
    expect(noLines.statusCode).toBe(400);

    const other = await buildCustomer(ctx, otherOrg, "Not Yours");
    expect((await create(cookie, body(other.id))).statusCode).toBe(404);
    const otherCookie = otherOrg.cookie;
    const theirs = await created(otherCookie, body(other.id, { startDate: "2043-01-10" }));
    for (const res of [
      await ctx.app.inject({ url: `/api/recurring-profiles/${theirs.id}`, headers: { cookie } }),
      await ctx.app.inject({ url: `/api/recurring-profiles/${theirs.id}/invoices`, headers: { cookie } }),
      await action(cookie, theirs.id, "stop"),
      await ctx.app.inject({
        method: "DELETE",
        url: `/api/recurring-profiles/${theirs.id}`,
        headers: { cookie },
      }),
    ])
      expect(res.statusCode).toBe(404);
    const mine = await ctx.app.inject({ url: "/api/recurring-profiles", headers: { cookie } });
    expect(mine.json().items.some((p: { id: string }) => p.id === theirs.id)).toBe(false);
    expect((await detail(otherCookie, theirs.id)).status).toBe("active");
  });
});
