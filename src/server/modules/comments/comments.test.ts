import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import { auditEvents, comments, emails, notifications } from "../../db/schema/index.js";
import { withContact, withOrg } from "../../db/scope.js";
import { buildCustomer, buildInvoice, buildQuote, cookieHeader, type TestOrg } from "../../test/factories.js";
import { buildSignedInCustomer, setUpTestApp } from "../../test/scenarios.js";
import { buildSalesOrder } from "../sales-orders/test-support.js";

const { ctx, org, otherOrg: other } = setUpTestApp("Comments", "Elsewhere");
let customer: Customer;
let sibling: Customer;
let invoice: InvoiceDetail;
let draft: InvoiceDetail;
let siblingInvoice: InvoiceDetail;
let otherInvoice: InvoiceDetail;
let cookie: string;

beforeAll(async () => {
  ({ customer, invoice, cookie } = await buildSignedInCustomer(ctx, org, "Acme"));
  sibling = await buildCustomer(ctx, org, "Sibling");
  draft = await buildInvoice(ctx, org, customer.id);
  siblingInvoice = await buildInvoice(ctx, org, sibling.id, { issue: true });
  otherInvoice = await buildInvoice(ctx, other, (await buildCustomer(ctx, other, "Far")).id, { issue: true });
});

const staffPost = (o: TestOrg, path: string, payload: object) =>
  ctx.app.inject({ method: "POST", url: path, headers: { cookie: o.cookie }, payload });
const staffGet = (o: TestOrg, path: string) => ctx.app.inject({ url: path, headers: { cookie: o.cookie } });
const portal = (path: string) => `/api/portal/${org.slug}${path}`;
const contactPost = (path: string, payload: object, c = cookie) =>
  ctx.app.inject({ method: "POST", url: portal(path), headers: { cookie: c }, payload });
const contactGet = (path: string, c = cookie) =>
  ctx.app.inject({ url: portal(path), headers: { cookie: c } });

describe("staff comments", () => {
  test("staff add comments to an invoice and read them in order, internal by default", async () => {
    const first = await staffPost(org, `/api/invoices/${invoice.id}/comments`, {
      body: "Internal: chase in May",
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      authorKind: "staff",
      authorName: expect.any(String),
      body: "Internal: chase in May",
      visibleInPortal: false,
      documentType: "invoice",
      documentId: invoice.id,
    });
    const shown = await staffPost(org, `/api/invoices/${invoice.id}/comments`, {
      body: "  We can split the payment.  ",
      visibleInPortal: true,
    });
    expect(shown.json()).toMatchObject({ body: "We can split the payment.", visibleInPortal: true });
    const list = await staffGet(org, `/api/invoices/${invoice.id}/comments`);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((c: { body: string }) => c.body)).toEqual([
      "Internal: chase in May",
      "We can split the payment.",
    ]);
  });

  test("quotes and sales orders take comments too, drafts included; a quote's id is no sales order (404)", async () => {
    const quote = await buildQuote(ctx, org, customer.id);
    const res = await staffPost(org, `/api/quotes/${quote.id}/comments`, { body: "Margin is thin" });
    expect(res.statusCode).toBe(201);
    expect((await staffGet(org, `/api/quotes/${quote.id}/comments`)).json()).toHaveLength(1);
    const order = await buildSalesOrder(ctx, org, customer.id);
    const onOrder = await staffPost(org, `/api/sales-orders/${order.id}/comments`, {
      body: "Deliver Monday",
    });
    expect(onOrder.statusCode).toBe(201);
    expect((await staffGet(org, `/api/sales-orders/${order.id}/comments`)).json()).toHaveLength(1);
    const so = await staffGet(org, `/api/sales-orders/${quote.id}/comments`);
    expect(so.statusCode).toBe(404);
    expect(so.json().code).toBe("NOT_FOUND");
  });

  test("an empty or too long body answers 400 naming the field and writes nothing", async () => {
    const before = await countComments();
    for (const body of ["", "   ", "x".repeat(5001)]) {
      const res = await staffPost(org, `/api/invoices/${invoice.id}/comments`, { body });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ field: "body.body" }] });
    }
    const ok = await staffPost(org, `/api/invoices/${invoice.id}/comments`, { body: "x".repeat(5000) });
    expect(ok.statusCode).toBe(201);
    expect(await countComments()).toBe(before + 1);
  });

  test("another organisation's document answers 404, reading and writing", async () => {
    const before = await countComments();
    expect((await staffGet(org, `/api/invoices/${otherInvoice.id}/comments`)).statusCode).toBe(404);
    const res = await staffPost(org, `/api/invoices/${otherInvoice.id}/comments`, { body: "hi" });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("NOT_FOUND");
    expect(await countComments()).toBe(before);
  });
});

describe("portal comments", () => {
  test("a contact sees the shown staff comments and contacts' comments, never an internal note", async () => {
    const res = await contactGet(`/invoices/${invoice.id}/comments`);
    expect(res.statusCode).toBe(200);
    const bodies = res.json().map((c: { body: string }) => c.body);
    expect(bodies).toContain("We can split the payment.");
    expect(bodies).not.toContain("Internal: chase in May");
    expect(res.json()[0]).not.toHaveProperty("visibleInPortal");
  });

  test("a contact's comment reaches staff: notification, email (C5 default on), audit event", async () => {
    const res = await contactPost(`/invoices/${invoice.id}/comments`, {
      body: "Can we pay in <b>two</b> parts?",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ authorKind: "contact", authorName: "Acme Contact" });

    const staffList = await staffGet(org, `/api/invoices/${invoice.id}/comments`);
    expect(staffList.json().find((c: { body: string }) => c.body.includes("two"))).toMatchObject({
      authorKind: "contact",
      visibleInPortal: true,
    });

    const { note, mail, audit } = await withOrg(ctx.database.db, org.orgId, async (tx) => ({
      note: (await tx.select().from(notifications).where(eq(notifications.type, "comment_added")))[0],
      mail: (await tx.select().from(emails).where(eq(emails.kind, "staff_notification"))).find((e) =>
        e.textBody.includes("two"),
      ),
      audit: (await tx.select().from(auditEvents).where(eq(auditEvents.action, "comment_added")))[0],
    }));
    expect(note?.data).toMatchObject({
      documentType: "invoice",
      documentId: invoice.id,
      invoiceId: invoice.id,
      number: invoice.number,
      contactName: "Acme Contact",
      customerName: "Acme",
    });
    expect(mail?.subject).toBe(`Acme Contact (Acme) ha comentado en la factura ${invoice.number}`);
    expect(mail?.htmlBody).toContain("&lt;b&gt;two&lt;/b&gt;");
    expect(mail?.textBody).toContain(`https://portico.test/app/invoices/${invoice.id}`);
    expect(audit).toMatchObject({ documentType: "invoice", documentId: invoice.id, customerId: customer.id });
  });

  test("comments ending in emoji answer 201 and their excerpts are whole characters (issue 9)", async () => {
    // 140 characters as a reader counts them (142 UTF-16 units) fit; 141 are cut, with an ellipsis.
    const fits = `${"a".repeat(138)}😀😀`;
    const cut = `${"b".repeat(139)}😀😀`;
    for (const body of [fits, cut])
      expect((await contactPost(`/invoices/${invoice.id}/comments`, { body })).statusCode).toBe(201);
    const excerpts = (
      await withOrg(ctx.database.db, org.orgId, (tx) =>
        tx.select().from(notifications).where(eq(notifications.type, "comment_added")),
      )
    ).map((n) => String(n.data.excerpt));
    expect(excerpts).toContain(fits);
    expect(excerpts).toContain(`${"b".repeat(139)}…`);
  });

  test("with the C5 preference off staff still get the bell, not the email", async () => {
    expect((await putSettings({ notificationPrefs: { comment_added: false } })).statusCode).toBe(200);
    const before = await countRows("staff_notification");
    expect((await contactPost(`/invoices/${invoice.id}/comments`, { body: "quiet" })).statusCode).toBe(201);
    expect(await countRows("staff_notification")).toBe(before);
    await putSettings({ notificationPrefs: { comment_added: true } });
  });

  test("the option allowMessages off does not stop document comments (they are negotiation)", async () => {
    const off = await putSettings({ options: { allowMessages: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json().options.allowMessages).toBe(false);
    expect((await contactPost(`/invoices/${invoice.id}/comments`, { body: "still here" })).statusCode).toBe(
      201,
    );
  });

  test("a draft, another customer's or another organisation's document answers 404 and writes nothing", async () => {
    const before = await countComments();
    for (const id of [draft.id, siblingInvoice.id, otherInvoice.id]) {
      expect((await contactGet(`/invoices/${id}/comments`)).statusCode).toBe(404);
      const res = await contactPost(`/invoices/${id}/comments`, { body: "hello" });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
    expect(await countComments()).toBe(before);
  });

  test("an invalid body answers 400 naming the field", async () => {
    const res = await contactPost(`/invoices/${invoice.id}/comments`, { body: "" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("body.body");
  });

  test("a staff preview reads comments but posting answers PREVIEW_READ_ONLY", async () => {
    const preview = await staffPost(
      org,
      `/api/customers/${customer.id}/contacts/${customer.contacts[0]?.id}/preview`,
      {},
    );
    const previewCookie = cookieHeader(preview.headers["set-cookie"]);
    expect((await contactGet(`/invoices/${invoice.id}/comments`, previewCookie)).statusCode).toBe(200);
    const before = await countComments();
    const res = await contactPost(
      `/invoices/${invoice.id}/comments`,
      { body: "from preview" },
      previewCookie,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("PREVIEW_READ_ONLY");
    expect(await countComments()).toBe(before);
  });
});

describe("row-level security of comments", () => {
  test("a contact scope cannot read an internal staff note even with a raw query", async () => {
    const rows = await withContact(ctx.database.db, org.orgId, customer.id, (tx) =>
      tx.execute(sql`select body, visible_in_portal, author_kind from comments`),
    );
    const seen = rows.rows as { body: string; visible_in_portal: boolean; author_kind: string }[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map((r) => r.body)).not.toContain("Internal: chase in May");
    expect(seen.every((r) => r.visible_in_portal || r.author_kind === "contact")).toBe(true);
  });

  test("a contact scope cannot insert a hidden comment, a staff comment or one for another customer", async () => {
    const contactId = customer.contacts[0]?.id as string;
    const base = {
      orgId: org.orgId,
      customerId: customer.id,
      documentType: "invoice" as const,
      documentId: invoice.id,
      authorName: "x",
      body: "x",
    };
    const attempts = [
      { ...base, authorKind: "contact" as const, authorContactId: contactId, visibleInPortal: false },
      { ...base, authorKind: "staff" as const, authorUserId: contactId, visibleInPortal: true },
      {
        ...base,
        customerId: sibling.id,
        authorKind: "contact" as const,
        authorContactId: contactId,
        visibleInPortal: true,
      },
      // As a contact of another customer, in this customer's scope.
      {
        ...base,
        authorKind: "contact" as const,
        authorContactId: sibling.contacts[0]?.id as string,
        visibleInPortal: true,
      },
    ];
    for (const values of attempts) {
      await expect(
        withContact(ctx.database.db, org.orgId, customer.id, (tx) => tx.insert(comments).values(values)),
      ).rejects.toThrow();
    }
  });
});

async function putSettings(change: object) {
  const { portalEnabled, portalSlug, deliveryMode } = (await staffGet(org, "/api/portal-settings")).json();
  return ctx.app.inject({
    method: "PUT",
    url: "/api/portal-settings",
    headers: { cookie: org.cookie },
    payload: { portalEnabled, portalSlug, deliveryMode, ...change },
  });
}

async function countComments(): Promise<number> {
  const r = await ctx.database.db.execute(sql`select count(*)::int as n from comments`);
  return (r.rows[0] as { n: number }).n;
}

async function countRows(kind: string): Promise<number> {
  const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.kind, kind))),
  );
  return rows.length;
}
