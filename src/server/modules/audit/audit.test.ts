import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ActivityPage, Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import { advanceClock } from "../../clock.js";
import { withContact, withSystem } from "../../db/scope.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { type AuditAction, recordPortalEvent } from "./audit.service.js";
import { ACTIVITY_PAGE_SIZE } from "./audit-queries.js";

let ctx: TestContext;
let org: TestOrg;
let otherOrg: TestOrg;
let customer: Customer;
let invoice: InvoiceDetail;

const origin = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (Audit Test)" };

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Audit Org");
  otherOrg = await buildOrg(ctx, "Other Audit Org");
  customer = await buildCustomer(ctx, org, "Audited Customer");
  invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
});
afterAll(() => ctx.close());

const get = (o: TestOrg, url: string) => ctx.app.inject({ url, headers: { cookie: o.cookie } });
const contactId = () => customer.contacts[0]?.id as string;

/** As the portal does: from the contact's own scope (views, downloads) or the system scope (sign-in). */
function record(action: AuditAction, opts: { system?: boolean; document?: boolean; c?: Customer } = {}) {
  const c = opts.c ?? customer;
  const event = {
    orgId: org.orgId,
    customerId: c.id,
    contactId: c.contacts[0]?.id as string,
    action,
    ...(opts.document ? { documentType: "invoice" as const, documentId: invoice.id } : {}),
  };
  return opts.system
    ? withSystem(ctx.database.db, (tx) => recordPortalEvent(tx, event, origin))
    : withContact(ctx.database.db, org.orgId, c.id, (tx) => recordPortalEvent(tx, event, origin));
}

describe("customer activity (G3)", () => {
  test("lists what the contacts did, newest first, with contact, document number, IP and user agent", async () => {
    // A second apart: stamps come from the server clock in milliseconds, and two events written in the
    // same millisecond (PostgreSQL is fast enough) would order by their random ids instead.
    await record("sign_in", { system: true });
    advanceClock(1000);
    await record("document_viewed", { document: true });
    advanceClock(1000);
    await record("document_downloaded", { document: true });
    const res = await get(org, `/api/customers/${customer.id}/activity`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as ActivityPage;
    expect(page.events.map((e) => e.action)).toEqual(["document_downloaded", "document_viewed", "sign_in"]);
    expect(page.nextCursor).toBeNull();
    const primary = customer.contacts[0];
    expect(page.events[0]).toMatchObject({
      contact: { id: contactId(), name: primary?.name, email: primary?.email },
      document: { type: "invoice", id: invoice.id, number: invoice.number },
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
    expect(page.events[2]?.document).toBeNull();
    expect(Date.parse(page.events[0]?.at ?? "")).not.toBeNaN();
  });

  test("pages by keyset without skipping or repeating events", async () => {
    const busy = await buildCustomer(ctx, org, "Busy Customer");
    for (let i = 0; i < ACTIVITY_PAGE_SIZE + 7; i++) await record("document_viewed", { c: busy });
    const first = (await get(org, `/api/customers/${busy.id}/activity`)).json() as ActivityPage;
    expect(first.events).toHaveLength(ACTIVITY_PAGE_SIZE);
    expect(first.nextCursor).toBe(first.events.at(-1)?.id);
    const second = (
      await get(org, `/api/customers/${busy.id}/activity?before=${first.nextCursor}`)
    ).json() as ActivityPage;
    expect(second.events).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.events, ...second.events].map((e) => e.id);
    expect(new Set(ids).size).toBe(ACTIVITY_PAGE_SIZE + 7);
    const times = [...first.events, ...second.events].map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test("a malformed cursor answers 400 naming the field", async () => {
    const res = await get(org, `/api/customers/${customer.id}/activity?before=yesterday`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      errors: [{ field: "querystring.before" }],
    });
  });

  test("another organisation's customer answers 404; its events never show", async () => {
    const res = await get(otherOrg, `/api/customers/${customer.id}/activity`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("NOT_FOUND");
    const own = await buildCustomer(ctx, otherOrg, "Quiet Customer");
    const ownPage = (await get(otherOrg, `/api/customers/${own.id}/activity`)).json() as ActivityPage;
    expect(ownPage.events).toEqual([]);
    // Another tenant's event id as a cursor finds nothing rather than leaking its position.
    const victim = (await get(org, `/api/customers/${customer.id}/activity`)).json() as ActivityPage;
    const probe = await get(otherOrg, `/api/customers/${own.id}/activity?before=${victim.events[0]?.id}`);
    expect(probe.json().events).toEqual([]);
  });

  test("needs a staff session", async () => {
    expect((await ctx.app.inject({ url: `/api/customers/${customer.id}/activity` })).statusCode).toBe(401);
  });
});

describe("invoice activity (G3)", () => {
  test("lists only the events about that invoice", async () => {
    await record("payment_started", { document: true });
    const res = await get(org, `/api/invoices/${invoice.id}/activity`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as ActivityPage;
    expect(page.events.length).toBeGreaterThanOrEqual(3);
    expect(page.events[0]?.action).toBe("payment_started");
    expect(page.events.every((e) => e.document?.id === invoice.id)).toBe(true);
  });

  test("another organisation's or a missing invoice answers 404", async () => {
    for (const id of [invoice.id, crypto.randomUUID()]) {
      const res = await get(otherOrg, `/api/invoices/${id}/activity`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
  });
});
