import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import { auditEvents, invoices, notifications } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, openLink } from "../../test/factories.js";
import { buildSentInvoice, contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";

const { ctx, org } = setUpTestApp("Audit Org");
let customer: Customer;

beforeAll(async () => {
  customer = await buildCustomer(ctx, org, "Audit Customer");
});

const rows = <T>(fn: Parameters<typeof withOrg<T>>[2]) => withOrg(ctx.database.db, org.orgId, fn);
const eventsFor = (documentId: string) =>
  rows((tx) => tx.select().from(auditEvents).where(eq(auditEvents.documentId, documentId)));
const get = (cookie: string, url: string) => ctx.app.inject({ url, headers: { cookie } });

/** An issued invoice sent to the customer (so its links exist), not yet opened by anyone. */
async function sentInvoice(): Promise<{ invoice: InvoiceDetail; link: string }> {
  const { invoice, links } = await buildSentInvoice(ctx, org, customer.id);
  const [link] = links.values();
  if (!link) throw new Error("no link");
  return { invoice, link };
}

const previewCookie = () => contactSessionCookie(ctx, org, customer, "preview");

describe("C6 preview records nothing", () => {
  test("opening and downloading in a preview: not viewed, no notification, no audit event", async () => {
    const { invoice } = await sentInvoice();
    const cookie = await previewCookie();
    const me = await get(cookie, `/api/portal/${org.slug}/me`);
    expect(me.json().preview).toBe(true);
    const res = await get(cookie, `/api/portal/${org.slug}/invoices/${invoice.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("sent");
    const pdf = await get(cookie, `/api/portal/${org.slug}/invoices/${invoice.id}/pdf`);
    expect(pdf.statusCode).toBe(200);

    const [row] = await rows((tx) => tx.select().from(invoices).where(eq(invoices.id, invoice.id)));
    expect(row?.viewedAt).toBeNull();
    const viewed = await rows((tx) =>
      tx.select().from(notifications).where(eq(notifications.type, "invoice_viewed")),
    );
    expect(viewed.filter((n) => n.data.invoiceId === invoice.id)).toHaveLength(0);
    expect(await eventsFor(invoice.id)).toHaveLength(0);
  });
});

describe("G3 audit events of the portal's reads", () => {
  test("every open of an invoice is a document_viewed event; the first also marks it viewed", async () => {
    const { invoice, link } = await sentInvoice();
    const { cookie } = await openLink(ctx, link);
    for (let i = 0; i < 2; i++)
      expect((await get(cookie, `/api/portal/${org.slug}/invoices/${invoice.id}`)).statusCode).toBe(200);
    const events = await eventsFor(invoice.id);
    const viewed = events.filter((e) => e.action === "document_viewed");
    expect(viewed).toHaveLength(2);
    expect(viewed[0]).toMatchObject({ customerId: customer.id, documentType: "invoice" });
    expect(viewed[0]?.contactId).toBeTruthy();
    const notes = await rows((tx) =>
      tx.select().from(notifications).where(eq(notifications.type, "invoice_viewed")),
    );
    expect(notes.filter((n) => n.data.invoiceId === invoice.id)).toHaveLength(1);
  });

  test("a PDF download is a document_downloaded event", async () => {
    const { invoice, link } = await sentInvoice();
    const { cookie } = await openLink(ctx, link);
    expect((await get(cookie, `/api/portal/${org.slug}/invoices/${invoice.id}/pdf`)).statusCode).toBe(200);
    const events = await eventsFor(invoice.id);
    expect(events.map((e) => e.action)).toEqual(["document_downloaded"]);
  });

  test("starting a payment is a payment_started event, once however often the key is replayed", async () => {
    const { invoice, link } = await sentInvoice();
    const { cookie } = await openLink(ctx, link);
    const pay = () =>
      ctx.app.inject({
        method: "POST",
        url: `/api/portal/${org.slug}/invoices/${invoice.id}/pay`,
        headers: { cookie },
        payload: { idempotencyKey: "audit-key-0001" },
      });
    expect((await pay()).statusCode).toBe(200);
    expect((await pay()).statusCode).toBe(200);
    const started = await rows((tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.documentId, invoice.id), eq(auditEvents.action, "payment_started"))),
    );
    expect(started).toHaveLength(1);
    expect(started[0]?.details).toMatchObject({ gateway: "sandbox", amountMinor: invoice.totalMinor });
  });
});
