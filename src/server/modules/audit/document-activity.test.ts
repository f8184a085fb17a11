import { describe, expect, test } from "vitest";
import type { ActivityPage } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { buildCustomer, buildQuote, type TestOrg } from "../../test/factories.js";
import { buildSignedInCustomer, setUpTestApp } from "../../test/scenarios.js";
import { buildSalesOrder } from "../sales-orders/test-support.js";

/** A4 "viewed" markers with who and when (G3): each document's activity, for quotes and orders too. */
const { ctx, org, otherOrg: other } = setUpTestApp("Viewed", "Elsewhere");

const get = (o: TestOrg, url: string) => ctx.app.inject({ url, headers: { cookie: o.cookie } });

describe("document activity", () => {
  test("a quote's activity says who opened it and when, with its number", async () => {
    const { customer, contact, invoice, cookie } = await buildSignedInCustomer(ctx, org, "Viewer Co");
    const quote = await buildQuote(ctx, org, customer.id, { send: true });
    const before = clock.nowMs();
    const opened = await ctx.app.inject({
      url: `/api/portal/${org.slug}/quotes/${quote.id}`,
      headers: { cookie },
    });
    expect(opened.statusCode).toBe(200);

    const page = (await get(org, `/api/quotes/${quote.id}/activity`)).json() as ActivityPage;
    const viewed = page.events.find((e) => e.action === "document_viewed");
    expect(viewed?.contact).toMatchObject({ name: contact.name, email: contact.email });
    expect(viewed?.document).toMatchObject({
      type: "quote",
      id: quote.id,
      number: opened.json().displayNumber,
    });
    expect(new Date(viewed?.at ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The invoice's own activity lists only the invoice's events.
    const invoicePage = (await get(org, `/api/invoices/${invoice.id}/activity`)).json() as ActivityPage;
    expect(invoicePage.events.every((e) => e.document?.id === invoice.id)).toBe(true);
  });

  test("a sales order has an activity list; another organisation's documents answer 404", async () => {
    const customer = await buildCustomer(ctx, org, "Order Co");
    const order = await buildSalesOrder(ctx, org, customer.id, { confirm: true });
    const quote = await buildQuote(ctx, org, customer.id, { send: true });
    const mine = await get(org, `/api/sales-orders/${order.id}/activity`);
    expect(mine.statusCode).toBe(200);
    expect((mine.json() as ActivityPage).events).toEqual([]);
    for (const url of [`/api/sales-orders/${order.id}/activity`, `/api/quotes/${quote.id}/activity`]) {
      const res = await get(other, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
  });
});
