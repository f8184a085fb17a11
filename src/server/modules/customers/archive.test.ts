import { describe, expect, test } from "vitest";
import type { Customer, CustomerSummary } from "../../../shared/contracts/index.js";
import {
  buildCustomer,
  buildInvoice,
  buildQuote,
  openLink,
  sendInvoiceLinks,
  type TestOrg,
} from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";

const { ctx, org, otherOrg } = setUpTestApp("Archive Org", "Other Archive Org");

type Method = "GET" | "POST" | "PUT" | "DELETE";
const call = (o: TestOrg, method: Method, url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie: o.cookie }, payload });

const listed = async (o: TestOrg, query = "") => {
  const res = await call(o, "GET", `/api/customers${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as CustomerSummary[]).map((c) => c.id);
};

/** Sends the invoice and opens each contact's emailed link; returns the links and their sessions. */
async function openSessions(invoiceId: string) {
  const out: { link: string; cookie: string }[] = [];
  for (const link of (await sendInvoiceLinks(ctx, org, invoiceId)).values())
    out.push({ link, cookie: (await openLink(ctx, link)).cookie });
  return out;
}

describe("archiving a customer (DELETE /api/customers/:id)", () => {
  test("hides it from lists, ends its contacts' portal access, and its documents still render with its name", async () => {
    const customer = await buildCustomer(ctx, org, "Archived Ltd");
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const draft = await buildInvoice(ctx, org, customer.id);
    const quote = await buildQuote(ctx, org, customer.id, { send: true });
    const sessions = (await openSessions(invoice.id)).filter((s) => s.cookie);
    expect(sessions.length).toBeGreaterThan(0);

    const res = await call(org, "DELETE", `/api/customers/${customer.id}`);
    expect(res.statusCode).toBe(200);

    expect(await listed(org)).not.toContain(customer.id);
    expect(await listed(org, "?q=Archived")).not.toContain(customer.id);
    expect(await listed(org, "?archived=true")).toContain(customer.id);
    expect(await listed(org, "?archived=all")).toContain(customer.id);
    expect(await listed(org, "?archived=true")).not.toContain((await buildCustomer(ctx, org, "Live")).id);

    // The customer page still opens (to restore it), marked archived, its contacts kept.
    const page = await call(org, "GET", `/api/customers/${customer.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().archivedAt).not.toBeNull();
    expect(page.json().contacts).toHaveLength(2);

    // Staff documents keep rendering with the customer's name.
    for (const doc of [invoice, draft]) {
      const detail = await call(org, "GET", `/api/invoices/${doc.id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().customerName).toBe("Archived Ltd");
      const pdf = await call(org, "GET", `/api/invoices/${doc.id}/pdf`);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers["content-type"]).toContain("application/pdf");
    }
    const quoteDetail = await call(org, "GET", `/api/quotes/${quote.id}`);
    expect(quoteDetail.statusCode).toBe(200);
    expect((await call(org, "GET", `/api/quotes/${quote.id}/pdf`)).statusCode).toBe(200);
    const invoiceList = await call(org, "GET", `/api/invoices?customerId=${customer.id}`);
    expect(invoiceList.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: invoice.id, customerName: "Archived Ltd" })]),
    );

    // Its contacts' sessions end; the emailed link answers CP1003.
    for (const s of sessions) {
      const me = await ctx.app.inject({ url: `/api/portal/${org.slug}/me`, headers: { cookie: s.cookie } });
      expect(me.statusCode).toBe(401);
      expect((await openLink(ctx, s.link)).location).toContain("error=CP1003");
    }
    const access = await call(org, "GET", `/api/customers/${customer.id}/portal-access`);
    expect(access.statusCode).toBe(200);
    expect(access.json().map((a: { status: string }) => a.status)).toEqual(["disabled", "disabled"]);

    // Nothing new is made for it, and it is not archived twice.
    const again = await call(org, "DELETE", `/api/customers/${customer.id}`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("CUSTOMER_ARCHIVED");
    const newInvoice = await call(org, "POST", "/api/invoices", {
      customerId: customer.id,
      lines: [{ description: "More", quantityMilli: 1000, unitPriceMinor: 100 }],
    });
    expect(newInvoice.statusCode).toBe(409);
    expect(newInvoice.json().code).toBe("CUSTOMER_ARCHIVED");
  });
});

describe("restoring a customer (POST /api/customers/:id/restore)", () => {
  test("brings it back to the lists with its contacts; portal access stays off until staff enable it", async () => {
    const customer = await buildCustomer(ctx, org, "Restored Ltd");
    expect((await call(org, "DELETE", `/api/customers/${customer.id}`)).statusCode).toBe(200);
    const res = await call(org, "POST", `/api/customers/${customer.id}/restore`);
    expect(res.statusCode).toBe(200);
    const restored: Customer = res.json();
    expect(restored.archivedAt).toBeNull();
    expect(restored.contacts.map((c) => c.id)).toEqual(customer.contacts.map((c) => c.id));
    expect(await listed(org)).toContain(customer.id);
    expect(await listed(org, "?archived=true")).not.toContain(customer.id);
    const twice = await call(org, "POST", `/api/customers/${customer.id}/restore`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("CUSTOMER_NOT_ARCHIVED");
    const enable = await call(
      org,
      "POST",
      `/api/customers/${customer.id}/contacts/${customer.contacts[0]?.id}/portal-access`,
      { mode: "invite" },
    );
    expect(enable.statusCode).toBe(200);
  });

  test("another organisation's customer answers 404 and changes nothing", async () => {
    const victim = await buildCustomer(ctx, otherOrg, "Victim Ltd");
    for (const [method, url] of [
      ["DELETE", `/api/customers/${victim.id}`],
      ["POST", `/api/customers/${victim.id}/restore`],
    ] as const) {
      const res = await call(org, method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
    expect(await listed(otherOrg)).toContain(victim.id);
  });
});
