import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { auditEvents, contacts, documentShares, emails, notifications } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  cookieHeader,
  openLink,
  signInContactByLink,
  type TestOrg,
} from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { buildSalesOrder } from "../sales-orders/test-support.js";
import {
  SHARES_PER_CUSTOMER_PER_DAY,
  SHARES_PER_HOUR,
  SHARES_PER_ORG_PER_DAY,
} from "./share-document.service.js";

let ctx: TestContext;
let org: TestOrg;
let customer: Customer;
let invoice: InvoiceDetail;
let draft: InvoiceDetail;
let siblingInvoice: InvoiceDetail;
let cookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Sharing");
  customer = await buildCustomer(ctx, org, "Acme");
  invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
  draft = await buildInvoice(ctx, org, customer.id);
  siblingInvoice = await buildInvoice(ctx, org, (await buildCustomer(ctx, org, "Sibling")).id, {
    issue: true,
  });
  cookie = await signInContactByLink(ctx, org, invoice.id, customer.contacts[0]?.email as string);
});
afterAll(() => ctx.close());

const share = (id: string, payload: object, c = cookie) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/invoices/${id}/share`,
    headers: { cookie: c },
    payload,
  });

const contactsOf = () =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(contacts).where(eq(contacts.customerId, customer.id)),
  );

describe("sharing a document (E14)", () => {
  test("the person becomes a contact, gets a working link, staff are told and it is audited", async () => {
    const res = await share(invoice.id, { name: "Pat <Finance>", email: "Pat@Example.com" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, reusedContact: false });
    const added = (await contactsOf()).find((c) => c.email === "pat@example.com");
    expect(added).toMatchObject({ name: "Pat <Finance>", portalEnabled: true, isPrimary: false });

    const { mail, note, audit } = await withOrg(ctx.database.db, org.orgId, async (tx) => ({
      mail: (await tx.select().from(emails).where(eq(emails.kind, "document_shared")))[0],
      note: (
        await tx.select().from(notifications).where(eq(notifications.type, "contact_added_by_share"))
      )[0],
      audit: (await tx.select().from(auditEvents).where(eq(auditEvents.action, "document_shared")))[0],
    }));
    expect(mail?.toAddress).toBe("pat@example.com");
    // The subject names the organisation and the document only, never a contact's own words (issue 9).
    expect(mail?.subject).toBe(`Te han compartido la factura ${invoice.number} de Sharing`);
    expect(mail?.htmlBody).toContain("Acme Contact ha compartido contigo");
    expect(mail?.htmlBody).toContain("Pat &lt;Finance&gt;");
    expect(note?.data).toMatchObject({
      contactId: added?.id,
      contactName: "Pat <Finance>",
      sharedBy: "Acme Contact",
    });
    expect(audit).toMatchObject({ documentId: invoice.id, contactId: customer.contacts[0]?.id });

    const link = /https:\/\/portico\.test\/p\/\S+\/l\/[\w-]+/.exec(mail?.textBody ?? "")?.[0] ?? "";
    const opened = await openLink(ctx, link);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(`/p/${org.slug}/invoices/${invoice.id}`);
  });

  test("an existing contact with that email is reused, whatever its case; staff get no new-contact notice", async () => {
    const before = (await contactsOf()).length;
    const existing = customer.contacts[1];
    const res = await share(invoice.id, { name: "Someone", email: (existing?.email ?? "").toUpperCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, reusedContact: true });
    expect((await contactsOf()).length).toBe(before);
    const notes = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(notifications).where(eq(notifications.type, "contact_added_by_share")),
    );
    expect(notes).toHaveLength(1);
  });

  test("staff remove a shared-in contact by disabling its access: its link stops working", async () => {
    await share(invoice.id, { name: "Temp", email: "temp@example.com" });
    const temp = (await contactsOf()).find((c) => c.email === "temp@example.com");
    const off = await ctx.app.inject({
      method: "DELETE",
      url: `/api/customers/${customer.id}/contacts/${temp?.id}/portal-access`,
      headers: { cookie: org.cookie },
    });
    expect(off.statusCode).toBe(200);
    const mail = await withOrg(ctx.database.db, org.orgId, async (tx) =>
      (
        await tx
          .select()
          .from(emails)
          .where(and(eq(emails.kind, "document_shared"), eq(emails.toAddress, "temp@example.com")))
      ).at(-1),
    );
    const link = /https:\/\/portico\.test\/p\/\S+\/l\/[\w-]+/.exec(mail?.textBody ?? "")?.[0] ?? "";
    expect(link).not.toBe("");
    expect((await openLink(ctx, link)).location).toBe(`/p/${org.slug}/?error=LINK_INVALID`);
  });

  test("an invalid email or a missing name answers 400 naming the field and adds nobody", async () => {
    const before = (await contactsOf()).length;
    const bad = await share(invoice.id, { name: "X", email: "not-an-email" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("body.email");
    const noName = await share(invoice.id, { name: " ", email: "x@example.com" });
    expect(noName.json().errors[0].field).toBe("body.name");
    expect((await contactsOf()).length).toBe(before);
  });

  test("a draft or another customer's document answers 404", async () => {
    for (const id of [draft.id, siblingInvoice.id]) {
      const res = await share(id, { name: "X", email: "x@example.com" });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
  });

  test("a staff preview may not share (PREVIEW_READ_ONLY)", async () => {
    const preview = await ctx.app.inject({
      method: "POST",
      url: `/api/customers/${customer.id}/contacts/${customer.contacts[0]?.id}/preview`,
      headers: { cookie: org.cookie },
    });
    const res = await share(
      invoice.id,
      { name: "X", email: "x@example.com" },
      cookieHeader(preview.headers["set-cookie"]),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("PREVIEW_READ_ONLY");
  });

  test("a sales order is shared while the portal shows sales orders; with the option off, FEATURE_DISABLED", async () => {
    const order = await buildSalesOrder(ctx, org, customer.id, { confirm: true });
    const url = `/api/portal/${org.slug}/sales-orders/${order.id}/share`;
    const payload = { name: "Olga Orders", email: `olga.${Date.now()}@example.com` };
    const shared = await ctx.app.inject({ method: "POST", url, headers: { cookie }, payload });
    expect(shared.statusCode, shared.body).toBe(200);
    const [mail] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(emails)
        .where(and(eq(emails.kind, "document_shared"), eq(emails.toAddress, payload.email))),
    );
    expect(mail?.textBody).toMatch(/\/p\/\S+\/l\/[\w-]+/);
    const setShowSalesOrders = async (showSalesOrders: boolean) => {
      const current = (
        await ctx.app.inject({ url: "/api/portal-settings", headers: { cookie: org.cookie } })
      ).json();
      const res = await ctx.app.inject({
        method: "PUT",
        url: "/api/portal-settings",
        headers: { cookie: org.cookie },
        payload: {
          portalEnabled: current.portalEnabled,
          portalSlug: current.portalSlug,
          deliveryMode: current.deliveryMode,
          options: { showSalesOrders },
        },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await setShowSalesOrders(false);
    const refused = await ctx.app.inject({
      method: "POST",
      url,
      headers: { cookie },
      payload: { name: "Pablo", email: "pablo@example.com" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("FEATURE_DISABLED");
    await setShowSalesOrders(true);
  });

  test(`a contact may share ${SHARES_PER_HOUR} times an hour, then RATE_LIMITED`, async () => {
    const done = await withOrg(ctx.database.db, org.orgId, async (tx) => {
      const r = await tx.execute(sql`select count(*)::int as n from document_shares`);
      return (r.rows[0] as { n: number }).n;
    });
    for (let i = done; i < SHARES_PER_HOUR; i++)
      expect((await share(invoice.id, { name: `P${i}`, email: `p${i}@example.com` })).statusCode).toBe(200);
    const limited = await share(invoice.id, { name: "One more", email: "more@example.com" });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("RATE_LIMITED");
    expect((await contactsOf()).some((c) => c.email === "more@example.com")).toBe(false);
  });
});

/** Emails of the share kind sent to an address. */
const sharedTo = (o: TestOrg, address: string) =>
  withOrg(ctx.database.db, o.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.kind, "document_shared"), eq(emails.toAddress, address))),
  );

/** Makes every share of the customer `hours` older, as if the clock had moved on. */
const ageShares = (hours: number) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .update(documentShares)
      .set({ createdAt: sql`${documentShares.createdAt} - make_interval(hours => ${hours})` })
      .where(eq(documentShares.customerId, customer.id)),
  );

describe("daily limits of sharing (issue 9)", () => {
  test(`a customer's contacts together share ${SHARES_PER_CUSTOMER_PER_DAY} a day, then SHARE_LIMIT_REACHED and nothing is sent`, async () => {
    // The hourly test above used up the day of this customer; two hours later the hour is free again.
    // (The shares age rather than the clock moving: contact sessions would expire with it.)
    await ageShares(2);
    const first = await signInContactByLink(ctx, org, invoice.id, customer.contacts[0]?.email as string);
    const second = await signInContactByLink(ctx, org, invoice.id, customer.contacts[1]?.email as string);
    for (const c of [first, second]) {
      const res = await share(invoice.id, { name: "Day after", email: "day@example.com" }, c);
      expect(res.statusCode).toBe(429);
      expect(res.json().code).toBe("SHARE_LIMIT_REACHED");
    }
    expect(await sharedTo(org, "day@example.com")).toEqual([]);
    expect((await contactsOf()).some((c) => c.email === "day@example.com")).toBe(false);

    // A day after those shares, the customer may share again.
    await ageShares(23);
    expect((await share(invoice.id, { name: "Next day", email: "day@example.com" }, second)).statusCode).toBe(
      200,
    );
    expect(await sharedTo(org, "day@example.com")).toHaveLength(1);
  });

  test(`an organisation's customers together share ${SHARES_PER_ORG_PER_DAY} a day, then SHARE_LIMIT_REACHED`, async () => {
    const busy = await buildOrg(ctx, "Busy Sharing");
    const customers = [];
    for (let i = 0; i < 2; i++) customers.push(await buildCustomer(ctx, busy, `Busy ${i}`));
    const [seeded, sharer] = customers as [Customer, Customer];
    const seededInvoice = await buildInvoice(ctx, busy, seeded.id, { issue: true });
    const contactId = seeded.contacts[0]?.id as string;
    // Other customers' shares of today, one short of the organisation's limit (the clock's "now").
    await withOrg(ctx.database.db, busy.orgId, (tx) =>
      tx.insert(documentShares).values(
        Array.from({ length: SHARES_PER_ORG_PER_DAY - 1 }, () => ({
          orgId: busy.orgId,
          customerId: seeded.id,
          documentType: "invoice" as const,
          documentId: seededInvoice.id,
          sharedByContactId: contactId,
          contactId,
          createdAt: clock.now(),
        })),
      ),
    );
    const own = await buildInvoice(ctx, busy, sharer.id, { issue: true });
    const c = await signInContactByLink(ctx, busy, own.id, sharer.contacts[0]?.email as string);
    const post = (email: string) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/portal/${busy.slug}/invoices/${own.id}/share`,
        headers: { cookie: c },
        payload: { name: "Friend", email },
      });
    expect((await post("last@example.com")).statusCode).toBe(200);
    const refused = await post("over@example.com");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe("SHARE_LIMIT_REACHED");
    expect(await sharedTo(busy, "over@example.com")).toEqual([]);
  });
});
