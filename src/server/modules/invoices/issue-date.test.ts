import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InvoiceDetail, InvoiceSummary } from "../../../shared/contracts/index.js";
import { addDays, daysBetween } from "../../../shared/dates.js";
import * as clock from "../../clock.js";
import { invoices } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { daysFromToday, testToday } from "../../test/dates.js";
import { buildCustomer, buildOrg, signInContactByLink, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

/**
 * Issue 10, item 1: issuing keeps the draft's dates, or refuses with a code that says why and changes
 * nothing; the client may retry dated today, and the due date keeps its meaning.
 */
let ctx: TestContext;
const DAY = 86_400_000;

const api = (o: TestOrg, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie: o.cookie },
    ...(method === "GET" ? {} : { payload: payload ?? {} }),
  });

const line = { description: "Work", quantityMilli: 1000, unitPriceMinor: 10000 };

async function draft(o: TestOrg, customerId: string, dates: { issueDate?: string; dueDate?: string | null }) {
  const res = await api(o, "POST", "/api/invoices", { customerId, ...dates, lines: [line] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as InvoiceDetail;
}
const issue = (o: TestOrg, id: string, body?: unknown) => api(o, "POST", `/api/invoices/${id}/issue`, body);
const get = async (o: TestOrg, id: string): Promise<InvoiceDetail> =>
  (await api(o, "GET", `/api/invoices/${id}`)).json();

beforeAll(async () => {
  ctx = await createTestContext();
  // The tests date documents up to 40 days back within today's year (numbering is per series and year):
  // early in January, move the clock on so those dates stay in the same year.
  const dayOfYear = daysBetween(`${testToday().slice(0, 4)}-01-01`, testToday());
  if (dayOfYear < 45) clock.setClock(new Date(clock.nowMs() + (50 - dayOfYear) * DAY));
});
afterAll(async () => {
  clock.resetClock();
  await ctx.close();
});

describe("issuing keeps the draft's dates", () => {
  test("a past invoice, the first of its series, is issued with its dates and is overdue (staff and portal)", async () => {
    const org = await buildOrg(ctx, "Past Entry Org");
    const customer = await buildCustomer(ctx, org, "Late Payer");
    const d = await draft(org, customer.id, { issueDate: daysFromToday(-40), dueDate: daysFromToday(-30) });
    const res = await issue(org, d.id);
    expect(res.statusCode, res.body).toBe(200);
    const issued: InvoiceDetail = res.json();
    expect(issued).toMatchObject({
      status: "issued",
      issueDate: daysFromToday(-40),
      dueDate: daysFromToday(-30),
      number: `F${daysFromToday(-40).slice(0, 4)}-0001`,
    });
    const staffList: InvoiceSummary[] = (await api(org, "GET", "/api/invoices")).json().items;
    expect(staffList.find((i) => i.id === d.id)?.isOverdue).toBe(true);
    const contactEmail = customer.contacts[0]?.email as string;
    const cookie = await signInContactByLink(ctx, org, d.id, contactEmail);
    const portal = await ctx.app.inject({
      url: `/api/portal/${org.slug}/invoices?status=overdue`,
      headers: { cookie },
    });
    expect(portal.statusCode, portal.body).toBe(200);
    expect(portal.json().items.map((i: { id: string }) => i.id)).toContain(d.id);
  });

  test("a draft dated in the past with its due date is issued with both, not re-dated today", async () => {
    const org = await buildOrg(ctx, "Keeps Dates Org");
    const customer = await buildCustomer(ctx, org, "Keeps Dates");
    const d = await draft(org, customer.id, { issueDate: daysFromToday(-21), dueDate: daysFromToday(-6) });
    const res = await issue(org, d.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ issueDate: daysFromToday(-21), dueDate: daysFromToday(-6) });
  });
});

describe("refusals change nothing; the client may retry dated today", () => {
  let org: TestOrg;
  let customerId: string;
  beforeAll(async () => {
    org = await buildOrg(ctx, "Refusals Org");
    customerId = (await buildCustomer(ctx, org, "Refusals Customer")).id;
  });

  test("a date before the last issued invoice of the series is refused, naming that date", async () => {
    const first = await draft(org, customerId, { issueDate: daysFromToday(-5) });
    expect((await issue(org, first.id)).statusCode).toBe(200);
    const late = await draft(org, customerId, { issueDate: daysFromToday(-12), dueDate: daysFromToday(-2) });
    const res = await issue(org, late.id);
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().code).toBe("ISSUE_DATE_BEFORE_LAST");
    expect(res.json().errors[0].message).toContain(daysFromToday(-5));
    // The dates the client needs to offer "issue dated today", as members of the problem.
    expect(res.json()).toMatchObject({
      issueDate: daysFromToday(-12),
      lastIssueDate: daysFromToday(-5),
      today: testToday(),
      errors: [{ field: "body.issueDate", code: "issue_date_before_last" }],
    });
    expect(await get(org, late.id)).toMatchObject({
      status: "draft",
      number: null,
      issueDate: daysFromToday(-12),
      dueDate: daysFromToday(-2),
    });

    // Retried dated today: the due date stays 10 days after the issue date, the number follows on.
    const retry = await issue(org, late.id, { useToday: true });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({
      status: "issued",
      issueDate: testToday(),
      dueDate: addDays(testToday(), 10),
      number: `F${testToday().slice(0, 4)}-0002`,
    });
  });

  test("a date on the last issued one's date is accepted (dates ascend or stay)", async () => {
    const same = await draft(org, customerId, { issueDate: testToday() });
    const res = await issue(org, same.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().number).toBe(`F${testToday().slice(0, 4)}-0003`);
  });

  test("a future date is refused; retried dated today, a draft without a due date gets the terms", async () => {
    const future = await draft(org, customerId, { issueDate: daysFromToday(3), dueDate: null });
    const res = await issue(org, future.id);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "ISSUE_DATE_IN_FUTURE",
      issueDate: daysFromToday(3),
      today: testToday(),
      errors: [{ field: "body.issueDate", code: "issue_date_in_future" }],
    });
    expect(res.json()).not.toHaveProperty("lastIssueDate");
    expect(await get(org, future.id)).toMatchObject({
      status: "draft",
      number: null,
      issueDate: daysFromToday(3),
    });
    const retry = await issue(org, future.id, { useToday: true });
    expect(retry.statusCode, retry.body).toBe(200);
    // The customer's payment terms (30 days by default).
    expect(retry.json()).toMatchObject({ issueDate: testToday(), dueDate: addDays(testToday(), 30) });
  });

  test("an explicit issueDate in the body is checked the same way", async () => {
    const d = await draft(org, customerId, { issueDate: testToday() });
    const res = await issue(org, d.id, { issueDate: daysFromToday(1) });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("ISSUE_DATE_IN_FUTURE");
    const both = await issue(org, d.id, { issueDate: daysFromToday(-1), useToday: true });
    expect(both.statusCode).toBe(400);
    expect((await get(org, d.id)).status).toBe("draft");
  });
});

describe("the due date keeps its meaning", () => {
  test("a due date before the issue date is refused when saving", async () => {
    const org = await buildOrg(ctx, "Due Date Org");
    const customer = await buildCustomer(ctx, org, "Due Customer");
    const res = await api(org, "POST", "/api/invoices", {
      customerId: customer.id,
      issueDate: daysFromToday(-3),
      dueDate: daysFromToday(-4),
      lines: [line],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ field: "body.dueDate" }] });
    const d = await draft(org, customer.id, { issueDate: daysFromToday(-3), dueDate: daysFromToday(-3) });
    const put = await api(org, "PUT", `/api/invoices/${d.id}`, {
      customerId: customer.id,
      issueDate: daysFromToday(-2),
      dueDate: daysFromToday(-3),
      lines: [line],
    });
    expect(put.statusCode).toBe(400);
    expect(await get(org, d.id)).toMatchObject({ issueDate: daysFromToday(-3), dueDate: daysFromToday(-3) });

    // A draft stored before this rule with its due date before its issue date is refused on issue.
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .update(invoices)
        .set({ dueDate: daysFromToday(-5) })
        .where(eq(invoices.id, d.id)),
    );
    const refused = await issue(org, d.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "DUE_DATE_BEFORE_ISSUE",
      issueDate: daysFromToday(-3),
      dueDate: daysFromToday(-5),
      today: testToday(),
    });
    expect(await get(org, d.id)).toMatchObject({ status: "draft", number: null, dueDate: daysFromToday(-5) });
  });
});

describe("sales orders and quotes follow the same rule in their own series", () => {
  let org: TestOrg;
  let customerId: string;
  beforeAll(async () => {
    org = await buildOrg(ctx, "Orders Quotes Org");
    customerId = (await buildCustomer(ctx, org, "Orders Customer")).id;
  });

  test("confirming a sales order keeps its date, refuses one before the last or in the future", async () => {
    const order = async (issueDate: string) => {
      const res = await api(org, "POST", "/api/sales-orders", { customerId, issueDate, lines: [line] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const confirm = (id: string, body?: unknown) => api(org, "POST", `/api/sales-orders/${id}/confirm`, body);
    const first = await confirm(await order(daysFromToday(-10)));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().issueDate).toBe(daysFromToday(-10));
    // An invoice's series is not the orders' series: an invoice dated earlier is still issued.
    const inv = await draft(org, customerId, { issueDate: daysFromToday(-20) });
    expect((await issue(org, inv.id)).statusCode).toBe(200);

    const earlier = await order(daysFromToday(-15));
    const refused = await confirm(earlier);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "ISSUE_DATE_BEFORE_LAST",
      lastIssueDate: daysFromToday(-10),
      today: testToday(),
    });
    const future = await confirm(await order(daysFromToday(2)));
    expect(future.json().code).toBe("ISSUE_DATE_IN_FUTURE");
    const retry = await confirm(earlier, { useToday: true });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ issueDate: testToday(), status: "confirmed" });
  });

  test("sending a quote keeps its date, refuses one before the last or in the future", async () => {
    const quote = async (issueDate: string, expiryDate: string | null = null) => {
      const res = await api(org, "POST", "/api/quotes", { customerId, issueDate, expiryDate, lines: [line] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const send = (id: string, body: object = {}) => api(org, "POST", `/api/quotes/${id}/send`, body);
    const first = await send(await quote(daysFromToday(-8), daysFromToday(22)));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().quote).toMatchObject({ issueDate: daysFromToday(-8), expiryDate: daysFromToday(22) });
    const earlier = await quote(daysFromToday(-9), daysFromToday(1));
    const refused = await send(earlier);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "ISSUE_DATE_BEFORE_LAST",
      lastIssueDate: daysFromToday(-8),
      today: testToday(),
    });
    // Dated in the past, it is not sent already expired.
    const expired = await send(await quote(daysFromToday(-3), daysFromToday(-1)));
    expect(expired.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      errors: [{ field: "body.expiryDate" }],
    });
    const future = await send(await quote(daysFromToday(1)));
    expect(future.json().code).toBe("ISSUE_DATE_IN_FUTURE");
    // Retried dated today, the validity keeps its length (10 days).
    const retry = await send(earlier, { useToday: true });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json().quote).toMatchObject({
      issueDate: testToday(),
      expiryDate: addDays(testToday(), 10),
    });
  });
});

describe("sending a draft invoice issues it under the same rule", () => {
  test("a refused date sends nothing; retried dated today, it is issued and sent", async () => {
    const org = await buildOrg(ctx, "Send Dates Org");
    const customer = await buildCustomer(ctx, org, "Send Dates Customer");
    const send = (id: string, body: object = {}) => api(org, "POST", `/api/invoices/${id}/send`, body);
    const first = await draft(org, customer.id, { issueDate: daysFromToday(-4) });
    expect((await send(first.id)).statusCode).toBe(200);
    const earlier = await draft(org, customer.id, {
      issueDate: daysFromToday(-9),
      dueDate: daysFromToday(-2),
    });
    const refused = await send(earlier.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "ISSUE_DATE_BEFORE_LAST",
      issueDate: daysFromToday(-9),
      lastIssueDate: daysFromToday(-4),
      today: testToday(),
    });
    expect(await get(org, earlier.id)).toMatchObject({ status: "draft", number: null, sentAt: null });
    const outbox = await api(org, "GET", "/api/outbox/totals");
    const before = outbox.json().count;

    const retry = await send(earlier.id, { useToday: true });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(await get(org, earlier.id)).toMatchObject({
      status: "sent",
      issueDate: testToday(),
      dueDate: addDays(testToday(), 7),
    });
    expect((await api(org, "GET", "/api/outbox/totals")).json().count).toBeGreaterThan(before);
  });
});
