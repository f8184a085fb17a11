import { beforeAll, describe, expect, test } from "vitest";
import type {
  Customer,
  InvoiceDetail,
  PaymentDetail,
  PortalHome,
  PurchaseHistory,
} from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildQuote } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import {
  figuresFromDocuments,
  makeDocument,
  onDay,
  portalGet,
  recordPayment,
  signInPrimary,
  staffCall,
} from "./test-support.js";

const { ctx, org } = setUpTestApp("Home Org");
let customer: Customer;
let cookie: string;
const today = testToday();
const past = addDays(today, -40);
const soon = addDays(today, 20);

beforeAll(async () => {
  customer = await buildCustomer(ctx, org, "Ferretería Home");
  cookie = await signInPrimary(ctx, org, customer);
});

const home = async (c = cookie) => {
  const res = await portalGet(ctx, org, c, "/home");
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PortalHome;
};
const history = (qs = "") => portalGet(ctx, org, cookie, `/purchase-history${qs}`);

describe("the portal home", () => {
  test("a new customer: zeros in its currency, no last payment, its account and contacts", async () => {
    const h = await home();
    expect(h.balances).toEqual([
      {
        currency: "EUR",
        outstandingMinor: 0,
        overdueMinor: 0,
        openInvoiceCount: 0,
        creditsMinor: 0,
        retainerOutstandingMinor: 0,
        openRetainerCount: 0,
        retainerBalanceMinor: 0,
        balanceMinor: 0,
      },
    ]);
    expect(h.lastPayment).toBeNull();
    expect(h.quotesAwaiting).toBe(0);
    expect(h.timesheetsAwaiting).toBe(0);
    expect(h.account.name).toBe("Ferretería Home");
    expect(h.contacts.map((c) => c.name)).toEqual(["Ferretería Home Contact", "Ferretería Home Second"]);
    expect(h.contacts[0]?.isPrimary).toBe(true);
    expect(h.allows).toEqual({ payAll: true, payAllGateways: [], answerQuotes: true, timesheets: false });
  });

  test("timesheets (E7, E8) are announced exactly when C4 shows projects (counted in timesheets.test.ts)", async () => {
    const call = staffCall(ctx, org);
    const { portalUrl: _u, ...current } = await call<{ portalUrl: string }>("GET", "/api/portal-settings");
    await call("PUT", "/api/portal-settings", { ...current, options: { showProjects: true } });
    expect((await home()).allows.timesheets).toBe(true);
    expect((await home()).timesheetsAwaiting).toBe(0);
    await call("PUT", "/api/portal-settings", { ...current, options: { showProjects: false } });
  });

  test("needs a contact session (401)", async () => {
    const res = await ctx.app.inject({ url: `/api/portal/${org.slug}/home` });
    expect(res.statusCode).toBe(401);
  });

  describe("with invoices, credit notes, retainers, payments, a credit applied and refunds", () => {
    let inv1: InvoiceDetail;
    let inv2: InvoiceDetail;
    let lastPayment: PaymentDetail;
    let neighbour: Customer;

    beforeAll(async () => {
      const call = staffCall(ctx, org);
      const id = customer.id;
      inv1 = await onDay(ctx, org, addDays(past, -10), () =>
        makeDocument(ctx, org, id, { amountMinor: 100_000, dueDate: past }),
      );
      // The old invoices first: dates ascend with numbers within the series (ISSUE_DATE_BEFORE_LAST).
      neighbour = await buildCustomer(ctx, org, "Neighbour");
      const other = await onDay(ctx, org, addDays(past, -10), () =>
        makeDocument(ctx, org, neighbour.id, { amountMinor: 777_00, dueDate: past }),
      );
      inv2 = await makeDocument(ctx, org, id, { amountMinor: 200_000, dueDate: soon });
      await makeDocument(ctx, org, id, { amountMinor: 999_00, issue: false }); // a draft: never counted
      const voided = await makeDocument(ctx, org, id, { amountMinor: 55_500 });
      await call("POST", `/api/invoices/${voided.id}/void`, {});
      // Credit note of 300.00: 100.00 applied to inv2, 50.00 refunded → 150.00 credit left.
      const cn = await makeDocument(ctx, org, id, { kind: "credit_note", amountMinor: 30_000 });
      await call("POST", `/api/invoices/${cn.id}/apply`, {
        allocations: [{ invoiceId: inv2.id, amountMinor: 10_000 }],
      });
      await call("POST", `/api/invoices/${cn.id}/refunds`, {
        amountMinor: 5_000,
        method: "transfer",
        refundedOn: today,
        expectedRefundedMinor: 0,
      });
      // Retainer of 500.00 paid in full, 200.00 of it applied to inv1 → balance 300.00.
      const r1 = await makeDocument(ctx, org, id, { kind: "retainer", amountMinor: 50_000 });
      await recordPayment(ctx, org, id, 50_000, addDays(today, -5), [
        { invoiceId: r1.id, amountMinor: 50_000 },
      ]);
      await call("POST", `/api/invoices/${r1.id}/apply`, {
        allocations: [{ invoiceId: inv1.id, amountMinor: 20_000 }],
      });
      // A retainer of 400.00 not paid yet.
      await makeDocument(ctx, org, id, { kind: "retainer", amountMinor: 40_000 });
      // 1,500.00 received: 300.00 to inv2; then 1,300.00 refunded: the 1,200.00 unapplied, and 100.00 back
      // off inv2 (owed again).
      const p1 = await recordPayment(ctx, org, id, 150_000, addDays(today, -2), [
        { invoiceId: inv2.id, amountMinor: 30_000 },
      ]);
      await call("POST", `/api/payments/${p1.id}/refunds`, {
        amountMinor: 130_000,
        method: "transfer",
        refundedOn: today,
        expectedRefundedMinor: 0,
      });
      // 80.00 received and left unapplied: credit.
      lastPayment = await recordPayment(ctx, org, id, 8_000, addDays(today, -1));
      // Another customer's documents and payments must never show.
      await recordPayment(ctx, org, neighbour.id, 10_000, today, [
        { invoiceId: other.id, amountMinor: 5_000 },
      ]);
      await makeDocument(ctx, org, neighbour.id, { kind: "credit_note", amountMinor: 12_300 });
      await buildQuote(ctx, org, neighbour.id, { send: true });
    });

    test("the figures, by hand", async () => {
      const h = await home();
      expect(h.balances).toHaveLength(1);
      expect(h.balances[0]).toEqual({
        currency: "EUR",
        // inv1 1,000 − 200 retainer = 800 (overdue); inv2 2,000 − 100 credit − 300 + 100 refunded = 1,700.
        outstandingMinor: 250_000,
        overdueMinor: 80_000,
        openInvoiceCount: 2,
        // 150 left on the credit note + 80 unapplied.
        creditsMinor: 23_000,
        retainerOutstandingMinor: 40_000,
        openRetainerCount: 1,
        retainerBalanceMinor: 30_000,
        balanceMinor: 250_000 - 23_000 - 30_000,
      });
      expect(h.lastPayment).toEqual({
        id: lastPayment.id,
        number: lastPayment.number,
        amountMinor: 8_000,
        currency: "EUR",
        paidOn: addDays(today, -1),
      });
    });

    test("every figure equals the sums of the documents the contact can list", async () => {
      const h = await home();
      expect(h.balances[0]).toEqual(await figuresFromDocuments(ctx, org, cookie, customer.id, "EUR"));
    });

    test("equals the back office's balances of the customer", async () => {
      const staff = await staffCall(ctx, org)("GET", `/api/customers/${customer.id}/balances`);
      expect((await home()).balances).toEqual(staff);
    });

    test("the neighbour sees only its own figures", async () => {
      const h = await home(await signInPrimary(ctx, org, neighbour));
      expect(h.balances[0]).toMatchObject({
        outstandingMinor: 727_00,
        overdueMinor: 727_00,
        creditsMinor: 17_300,
      });
      expect(h.quotesAwaiting).toBe(1);
      expect(h.account.name).toBe("Neighbour");
      expect(h.contacts.every((c) => c.name.startsWith("Neighbour"))).toBe(true);
    });

    test("a second currency gets its own figures", async () => {
      await makeDocument(ctx, org, customer.id, { amountMinor: 4_200, currency: "USD" });
      const h = await home();
      expect(h.balances.map((b) => b.currency)).toEqual(["EUR", "USD"]);
      expect(h.balances[1]).toMatchObject({ outstandingMinor: 4_200, openInvoiceCount: 1 });
      expect(h.balances[1]).toEqual(await figuresFromDocuments(ctx, org, cookie, customer.id, "USD"));
    });
  });

  test("quotes awaiting an answer: sent and not expired; not drafts, expired or superseded", async () => {
    const before = (await home()).quotesAwaiting;
    await buildQuote(ctx, org, customer.id, { send: true });
    await buildQuote(ctx, org, customer.id, { send: false });
    await buildQuote(ctx, org, customer.id, { send: true, expiryDate: addDays(today, 1) });
    const revised = await buildQuote(ctx, org, customer.id, { send: true });
    const call = staffCall(ctx, org);
    const r2 = await call<{ id: string }>("POST", `/api/quotes/${revised.id}/revise`, {}, 201);
    await call("POST", `/api/quotes/${r2.id}/send`, {});
    // Revision 2 supersedes revision 1: one quote waits, not two.
    expect((await home()).quotesAwaiting).toBe(before + 3);
  });

  test("a removed contact person is not listed", async () => {
    const second = customer.contacts.find((c) => !c.isPrimary);
    if (!second) throw new Error("the factory's customer has a second contact");
    expect((await home()).contacts.map((c) => c.id)).toContain(second.id);
    await staffCall(ctx, org)(
      "DELETE",
      `/api/customers/${customer.id}/contacts/${second.id}`,
      undefined,
      200,
    );
    expect((await home()).contacts.map((c) => c.id)).not.toContain(second.id);
  });
});

describe("the purchase history", () => {
  const month = (offset: number) => {
    const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + offset);
    return d.toISOString().slice(0, 7);
  };

  test("defaults to the last 12 months, each month present, oldest first", async () => {
    const res = await history();
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as PurchaseHistory;
    expect(h.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => month(i - 11)));
    expect(h).toMatchObject({ currency: "EUR", from: month(-11), to: month(0) });
    expect(h.currencies).toEqual(["EUR", "USD"]);
  });

  test("months add up to the invoices issued in them; totals add up to the months", async () => {
    const res = await history(`?from=${month(-23)}&to=${month(0)}`);
    const h = res.json() as PurchaseHistory;
    expect(h.months).toHaveLength(24);
    const call = staffCall(ctx, org);
    const { items: all } = await call<{
      items: {
        kind: string;
        status: string;
        currency: string;
        issueDate: string;
        totalMinor: number;
        dueMinor: number;
      }[];
    }>("GET", `/api/invoices?customerId=${customer.id}&limit=200`);
    const counted = all.filter(
      (i) => i.kind === "invoice" && i.currency === "EUR" && i.status !== "draft" && i.status !== "void",
    );
    expect(counted.length).toBeGreaterThan(0);
    for (const m of h.months) {
      const inMonth = counted.filter((i) => i.issueDate.startsWith(m.month));
      expect(m.invoicedMinor, m.month).toBe(inMonth.reduce((a, i) => a + i.totalMinor, 0));
      expect(m.pendingMinor, m.month).toBe(inMonth.reduce((a, i) => a + i.dueMinor, 0));
      expect(m.paidMinor + m.pendingMinor).toBe(m.invoicedMinor);
      expect(m.invoiceCount).toBe(inMonth.length);
    }
    const sumOf = (k: "invoicedMinor" | "paidMinor" | "pendingMinor" | "invoiceCount") =>
      h.months.reduce((a, m) => a + m[k], 0);
    expect(h.totals).toEqual({
      invoicedMinor: sumOf("invoicedMinor"),
      paidMinor: sumOf("paidMinor"),
      pendingMinor: sumOf("pendingMinor"),
      invoiceCount: sumOf("invoiceCount"),
    });
    // inv1 (issued 50 days ago) 1,000 with 200 settled, inv2 2,000 with 300 settled; not the void one.
    expect(h.totals).toEqual({
      invoicedMinor: 300_000,
      paidMinor: 50_000,
      pendingMinor: 250_000,
      invoiceCount: 2,
    });
  });

  test("another currency on request", async () => {
    const h = (await history("?currency=USD")).json() as PurchaseHistory;
    expect(h.currency).toBe("USD");
    expect(h.totals).toMatchObject({ invoicedMinor: 4_200, pendingMinor: 4_200, invoiceCount: 1 });
  });

  test("at most 60 months, not backwards: a clear 400", async () => {
    expect((await history(`?from=${month(-59)}&to=${month(0)}`)).statusCode).toBe(200);
    for (const qs of [`?from=${month(-60)}&to=${month(0)}`, `?from=${month(0)}&to=${month(-1)}`]) {
      const res = await history(qs);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().code).toBe("PERIOD_INVALID");
    }
    const bad = await history("?from=2026-13");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("VALIDATION_FAILED");
  });
});
