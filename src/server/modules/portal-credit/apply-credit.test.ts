import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import type {
  ApplyCreditResult,
  CustomerBalance,
  InvoiceDetail,
  PortalHome,
} from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import { auditEvents } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildOrg, cookieHeader, type TestOrg } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import {
  makeDocument,
  onDay,
  portalGet,
  recordPayment,
  signInPrimary,
  staffCall,
} from "../portal-home/test-support.js";

/** Decision 017: a contact applies its customer's available credit to its oldest invoices. */

const { ctx } = setUpTestApp("Credit Org");
/** The organisation of the newest ledger (each test starts one). */
let org: TestOrg;
const today = testToday();

const homeOf = async (cookie: string): Promise<CustomerBalance> => {
  const res = await portalGet(ctx, org, cookie, "/home");
  expect(res.statusCode, res.body).toBe(200);
  const eur = (res.json() as PortalHome).balances.find((b) => b.currency === "EUR");
  if (!eur) throw new Error("no EUR figures");
  return eur;
};
const applyAs = (cookie: string, b: CustomerBalance) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/apply-credit`,
    headers: { cookie },
    payload: {
      currency: b.currency,
      expectedCreditMinor: b.creditsMinor + b.retainerBalanceMinor,
      expectedOutstandingMinor: b.outstandingMinor,
    },
  });

/**
 * Invoices of 100 (issued 45 days ago, overdue), 200 (due in 10 days) and 300 (due in 20 days); credit:
 * a credit note of `creditNote` (whole euros), an unapplied payment of 50 and a retainer of 100 paid.
 */
async function ledger(name: string, creditNote = 150) {
  // Issuing refuses a date before the series' last issued one: each ledger starts a fresh organisation.
  org = await buildOrg(ctx, `${name} Org`);
  const customer = await buildCustomer(ctx, org, name);
  const old = await onDay(ctx, org, addDays(today, -45), () =>
    makeDocument(ctx, org, customer.id, { amountMinor: 10_000 }),
  );
  const soon = await makeDocument(ctx, org, customer.id, {
    amountMinor: 20_000,
    dueDate: addDays(today, 10),
  });
  const later = await makeDocument(ctx, org, customer.id, {
    amountMinor: 30_000,
    dueDate: addDays(today, 20),
  });
  await makeDocument(ctx, org, customer.id, { kind: "credit_note", amountMinor: creditNote * 100 });
  await recordPayment(ctx, org, customer.id, 5_000, today);
  const retainer = await makeDocument(ctx, org, customer.id, { kind: "retainer", amountMinor: 10_000 });
  await recordPayment(ctx, org, customer.id, 10_000, today, [
    { invoiceId: retainer.id, amountMinor: 10_000 },
  ]);
  const cookie = await signInPrimary(ctx, org, customer);
  return { customer, old, soon, later, cookie };
}

const invoice = (id: string) => staffCall(ctx, org)<InvoiceDetail>("GET", `/api/invoices/${id}`);

describe("apply my credit to my oldest invoices", () => {
  test("applies every source, oldest invoice first; the balance does not move", async () => {
    const l = await ledger("Oldest First");
    const before = await homeOf(l.cookie);
    expect(before).toMatchObject({
      outstandingMinor: 60_000,
      creditsMinor: 20_000,
      retainerBalanceMinor: 10_000,
    });
    const res = await applyAs(l.cookie, before);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ApplyCreditResult;
    expect(r).toEqual({
      currency: "EUR",
      appliedMinor: 30_000,
      invoices: [
        { invoiceId: l.old.id, number: l.old.number, amountMinor: 10_000 },
        { invoiceId: l.soon.id, number: l.soon.number, amountMinor: 20_000 },
      ],
    });
    expect((await invoice(l.old.id)).status).toBe("paid");
    expect((await invoice(l.soon.id)).status).toBe("paid");
    expect((await invoice(l.later.id)).paidMinor).toBe(0);
    const after = await homeOf(l.cookie);
    expect(after).toMatchObject({
      outstandingMinor: 30_000,
      overdueMinor: 0,
      openInvoiceCount: 1,
      creditsMinor: 0,
      retainerBalanceMinor: 0,
      balanceMinor: before.balanceMinor,
    });
    const events = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.customerId, l.customer.id), eq(auditEvents.action, "credit_applied"))),
    );
    expect(events.map((e) => e.details)).toEqual([{ amountMinor: 30_000, currency: "EUR", invoices: 2 }]);
  });

  test("never applies more than is owed: the rest of the credit stays available", async () => {
    const l = await ledger("More Credit", 900);
    const before = await homeOf(l.cookie);
    const res = await applyAs(l.cookie, before);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as ApplyCreditResult).appliedMinor).toBe(60_000);
    for (const d of [l.old, l.soon, l.later]) {
      const now = await invoice(d.id);
      expect([now.status, now.paidMinor]).toEqual(["paid", now.totalMinor]);
    }
    const after = await homeOf(l.cookie);
    expect(after.outstandingMinor).toBe(0);
    expect(after.creditsMinor + after.retainerBalanceMinor).toBe(105_000 - 60_000);
    expect(after.balanceMinor).toBe(before.balanceMinor);
    // Nothing left to apply it to.
    const again = await applyAs(l.cookie, after);
    expect([again.statusCode, again.json().code]).toEqual([409, "NO_CREDIT_TO_APPLY"]);
  });

  test("a double submit applies once: the second is STALE_STATE and changes nothing", async () => {
    const l = await ledger("Double Submit");
    const before = await homeOf(l.cookie);
    const [a, b] = await Promise.all([applyAs(l.cookie, before), applyAs(l.cookie, before)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((x) => x.statusCode === 409)?.json().code).toBe("STALE_STATE");
    const once = await homeOf(l.cookie);
    expect(once.outstandingMinor).toBe(30_000);
    const third = await applyAs(l.cookie, before);
    expect([third.statusCode, third.json().code]).toEqual([409, "STALE_STATE"]);
    expect(await homeOf(l.cookie)).toEqual(once);
  });

  test("figures that no longer hold are refused and nothing is applied", async () => {
    const l = await ledger("Stale Figures");
    const before = await homeOf(l.cookie);
    // Staff record a payment meanwhile: the contact's figures are out of date.
    await recordPayment(ctx, org, l.customer.id, 1_000, today);
    const res = await applyAs(l.cookie, before);
    expect([res.statusCode, res.json().code]).toEqual([409, "STALE_STATE"]);
    const now = await homeOf(l.cookie);
    expect(now).toEqual({
      ...before,
      creditsMinor: before.creditsMinor + 1_000,
      balanceMinor: before.balanceMinor - 1_000,
    });
    for (const d of [l.old, l.soon, l.later]) expect((await invoice(d.id)).paidMinor).toBe(0);
  });

  test("another customer's contact cannot touch this customer's credit or invoices", async () => {
    const mine = await ledger("Victim");
    const mineBefore = await homeOf(mine.cookie);
    const neighbour = await buildCustomer(ctx, org, "Neighbour");
    const theirCookie = await signInPrimary(ctx, org, neighbour);
    // It can only speak for its own customer: with the victim's figures, its own ledger does not match.
    const res = await applyAs(theirCookie, mineBefore);
    expect([res.statusCode, res.json().code]).toEqual([409, "STALE_STATE"]);
    const empty = await applyAs(theirCookie, await homeOf(theirCookie));
    expect([empty.statusCode, empty.json().code]).toEqual([409, "NO_CREDIT_TO_APPLY"]);
    expect(await homeOf(mine.cookie)).toEqual(mineBefore);
    // Without a session, or on another organisation's portal, there is no contact at all.
    const other = await buildOrg(ctx, "Other Credit Org");
    const anonymous = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/apply-credit`,
      payload: { currency: "EUR", expectedCreditMinor: 0, expectedOutstandingMinor: 0 },
    });
    expect(anonymous.statusCode).toBe(401);
    const elsewhere = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${other.slug}/apply-credit`,
      headers: { cookie: mine.cookie },
      payload: { currency: "EUR", expectedCreditMinor: 0, expectedOutstandingMinor: 0 },
    });
    expect(elsewhere.statusCode).toBe(401);
    expect(await homeOf(mine.cookie)).toEqual(mineBefore);
  });

  test("a staff preview of the contact may look but not apply (PREVIEW_READ_ONLY)", async () => {
    const l = await ledger("Preview Only");
    const before = await homeOf(l.cookie);
    const opened = await ctx.app.inject({
      method: "POST",
      url: `/api/customers/${l.customer.id}/contacts/${l.customer.contacts[0]?.id}/preview`,
      headers: { cookie: org.cookie },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const preview = cookieHeader(opened.headers["set-cookie"]);
    const res = await applyAs(preview, before);
    expect([res.statusCode, res.json().code]).toEqual([403, "PREVIEW_READ_ONLY"]);
    expect(await homeOf(l.cookie)).toEqual(before);
  });
});
