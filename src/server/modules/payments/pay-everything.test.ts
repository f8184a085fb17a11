import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import type { InvoiceSummary } from "../../../shared/contracts/index.js";
import { checkoutSessions, payments } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, buildInvoice, openLink, sendInvoiceLinks } from "../../test/factories.js";
import { primaryContact, setUpTestApp } from "../../test/scenarios.js";

const { ctx, org } = setUpTestApp("Pay Everything Org");

const relative = (url: string) => url.replace("https://portico.test", "");

/** A customer with three issued invoices (121 + 60.50 + 242) and two signed-in sessions of its contact. */
async function customerWithTwoTabs() {
  const customer = await buildCustomer(ctx, org, "Two Tabs");
  const amounts = [10000, 5000, 20000];
  const invoices = [];
  for (const unitPriceMinor of amounts)
    invoices.push(
      await buildInvoice(ctx, org, customer.id, {
        issue: true,
        lines: [{ description: "Work", quantityMilli: 1000, unitPriceMinor }],
      }),
    );
  const primary = primaryContact(customer).email;
  const link = (await sendInvoiceLinks(ctx, org, invoices[0]?.id as string)).get(primary) as string;
  const tabs = [(await openLink(ctx, link)).cookie, (await openLink(ctx, link)).cookie];
  return { customer, invoices, primary, tabs, owed: invoices.reduce((s, i) => s + i.totalMinor, 0) };
}

/** "Pay everything" in one tab: open the checkout, then pay on the sandbox page and follow the return. */
async function payEverything(cookie: string, key: string): Promise<string> {
  const start = await ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/pay-all`,
    headers: { cookie },
    payload: { idempotencyKey: key },
  });
  if (start.statusCode !== 200) return start.json().code;
  const page = await ctx.app.inject({
    method: "POST",
    url: relative(start.json().checkoutUrl),
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: "action=succeeded",
  });
  const back = await ctx.app.inject({ method: "GET", url: String(page.headers.location) });
  return new URL(String(back.headers.location), "https://x").searchParams.get("payment") ?? "none";
}

describe("paying everything outstanding (F2)", () => {
  test("one payment is allocated across every open invoice, oldest due first, and the receipt page is next", async () => {
    const { customer, invoices, tabs, owed } = await customerWithTwoTabs();
    const start = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/pay-all`,
      headers: { cookie: tabs[0] as string },
      payload: { idempotencyKey: "pay-all-single-1" },
    });
    expect(start.statusCode).toBe(200);
    const page = await ctx.app.inject({
      method: "POST",
      url: relative(start.json().checkoutUrl),
      headers: { cookie: tabs[0] as string, "content-type": "application/x-www-form-urlencoded" },
      payload: "action=succeeded",
    });
    const back = await ctx.app.inject({ method: "GET", url: String(page.headers.location) });
    expect(String(back.headers.location)).toMatch(
      new RegExp(`^/p/${org.slug}/payments/[0-9a-f-]{36}\\?payment=succeeded$`),
    );
    const list: InvoiceSummary[] = (
      await ctx.app.inject({
        url: `/api/invoices?customerId=${customer.id}`,
        headers: { cookie: org.cookie },
      })
    ).json().items;
    expect(list.map((i) => i.status)).toEqual(["paid", "paid", "paid"]);
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(payments).where(eq(payments.customerId, customer.id)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.amountMinor).toBe(owed);
    expect(invoices).toHaveLength(3);
    // Nothing left: a new "pay everything" is refused with a clear code.
    const again = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/pay-all`,
      headers: { cookie: tabs[1] as string },
      payload: { idempotencyKey: "pay-all-single-2" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("NOTHING_TO_PAY");
  });

  test("50 concurrent 'pay everything' from two sessions collect at most what is owed", async () => {
    const { customer, tabs, owed } = await customerWithTwoTabs();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => payEverything(tabs[i % 2] as string, `concurrent-pay-all-${i}`)),
    );
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(payments).where(eq(payments.customerId, customer.id)),
    );
    const collected = rows.reduce((s, p) => s + p.amountMinor, 0);
    expect(collected).toBe(owed);
    expect(outcomes.filter((o) => o === "succeeded")).toHaveLength(rows.length);
    // Every other attempt either found nothing to pay or was refused at confirmation, charging nothing.
    for (const o of outcomes.filter((x) => x !== "succeeded"))
      expect(["NOTHING_TO_PAY", "already_paid"]).toContain(o);
    const checkouts = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(checkoutSessions).where(eq(checkoutSessions.customerId, customer.id)),
    );
    expect(checkouts.filter((c) => c.status === "succeeded")).toHaveLength(rows.length);
    for (const c of checkouts.filter((c) => c.status !== "succeeded"))
      expect(c).toMatchObject({ status: "failed", failureCode: "ALREADY_PAID" });
  }, 120_000);
});
