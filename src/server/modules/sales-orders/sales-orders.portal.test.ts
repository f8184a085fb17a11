import { eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  Customer,
  Notification,
  PortalMe,
  PortalSalesOrderDetail,
  PortalSalesOrderSummary,
  SalesOrderDetail,
} from "../../../shared/contracts/index.js";
import { auditEvents, emails, organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, buildOrg, openLink, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { contactSessionCookie } from "../../test/scenarios.js";
import { portalGet } from "../quotes/test-support.js";
import { buildSalesOrder, staffApi } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;
let api: ReturnType<typeof staffApi>;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Portal Orders Org");
  api = staffApi(ctx, org);
});
afterAll(() => ctx.close());

interface Opened {
  customer: Customer;
  order: SalesOrderDetail;
  cookie: string;
}

/** A confirmed order sent to a new customer, whose primary contact signs in through the emailed link. */
async function sentOrder(name: string, reference?: string): Promise<Opened> {
  const customer = await buildCustomer(ctx, org, name);
  const order = await buildSalesOrder(ctx, org, customer.id, { confirm: true, reference });
  expect((await api("POST", `/api/sales-orders/${order.id}/send`, {})).statusCode).toBe(200);
  const primary = customer.contacts.find((c) => c.isPrimary) ?? customer.contacts[0];
  const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(eq(emails.toAddress, primary?.email ?? "")),
  );
  const link = /https:\/\/portico\.test\/p\/[^\s]+\/l\/[A-Za-z0-9_-]+/.exec(rows.at(-1)?.textBody ?? "")?.[0];
  if (!link) throw new Error("no link");
  const opened = await openLink(ctx, link);
  expect(opened.location).toBe(`/p/${org.slug}/sales-orders/${order.id}`);
  return { customer, order, cookie: opened.cookie };
}

const setOption = (showSalesOrders: boolean) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .update(organisations)
      .set({ portalOptions: { showSalesOrders } })
      .where(eq(organisations.id, org.orgId)),
  );
const setPref = (sales_order_viewed: boolean) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .update(organisations)
      .set({ notificationPrefs: { sales_order_viewed } })
      .where(eq(organisations.id, org.orgId)),
  );

async function notifications(): Promise<Notification[]> {
  const res = await api("GET", "/api/notifications");
  return (res.json().items as Notification[]).filter((n) => n.type === "sales_order_viewed");
}

const staffEmails = () =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(emails).where(eq(emails.kind, "staff_notification")),
  );

describe("sales orders in the portal", () => {
  test("first open marks it viewed, notifies staff once (no email by default), audits every open", async () => {
    const o = await sentOrder("Viewer Customer");
    const before = (await staffEmails()).length;
    const res = await portalGet(ctx, org, o.cookie, `/sales-orders/${o.order.id}`);
    expect(res.statusCode).toBe(200);
    const seen: PortalSalesOrderDetail = res.json();
    expect(seen).toMatchObject({ id: o.order.id, number: o.order.number, status: "confirmed" });
    expect(seen).not.toHaveProperty("customerId");
    expect(seen.viewedAt).not.toBeNull();
    await portalGet(ctx, org, o.cookie, `/sales-orders/${o.order.id}`);
    const mine = (await notifications()).filter((n) => n.data.salesOrderId === o.order.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.data).toMatchObject({ number: o.order.number, customerName: "Viewer Customer" });
    expect((await staffEmails()).length).toBe(before);
    const audit = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.documentId, o.order.id)),
    );
    expect(audit.map((a) => [a.action, a.documentType])).toEqual([
      ["document_viewed", "sales_order"],
      ["document_viewed", "sales_order"],
    ]);
  });

  test("with the C5 preference on, the first open emails the organisation", async () => {
    await setPref(true);
    try {
      const o = await sentOrder("Emailed Customer");
      const before = (await staffEmails()).length;
      expect((await portalGet(ctx, org, o.cookie, `/sales-orders/${o.order.id}`)).statusCode).toBe(200);
      const after = await staffEmails();
      expect(after.length).toBe(before + 1);
      expect(after.at(-1)?.subject).toContain(o.order.number as string);
      expect(after.at(-1)?.textBody).toContain(`/app/sales-orders/${o.order.id}`);
    } finally {
      await setPref(false);
    }
  });

  test("a staff preview sees the order and records nothing", async () => {
    const customer = await buildCustomer(ctx, org, "Preview Customer");
    const order = await buildSalesOrder(ctx, org, customer.id, { confirm: true });
    const cookie = await contactSessionCookie(ctx, org, customer, "preview");
    expect((await portalGet(ctx, org, cookie, `/sales-orders/${order.id}`)).statusCode).toBe(200);
    expect((await portalGet(ctx, org, cookie, `/sales-orders/${order.id}/pdf`)).statusCode).toBe(200);
    expect((await api("GET", `/api/sales-orders/${order.id}`)).json().viewedAt).toBeNull();
    expect((await notifications()).some((n) => n.data.salesOrderId === order.id)).toBe(false);
    const audit = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.documentId, order.id)),
    );
    expect(audit).toEqual([]);
  });

  test("the list hides drafts and other customers' orders, filters by status and searches content", async () => {
    const o = await sentOrder("List Customer", "PO-PORTAL-1");
    const draft = await buildSalesOrder(ctx, org, o.customer.id);
    const invoiced = await buildSalesOrder(ctx, org, o.customer.id, {
      confirm: true,
      lines: [{ description: "Kiwi crates", quantityMilli: 1000, unitPriceMinor: 100 }],
    });
    await api("POST", `/api/sales-orders/${invoiced.id}/invoice`, {});
    const sibling = await buildCustomer(ctx, org, "Sibling Customer");
    const siblings = await buildSalesOrder(ctx, org, sibling.id, { confirm: true });
    const list = async (qs = "") => {
      const res = await portalGet(ctx, org, o.cookie, `/sales-orders${qs}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as PortalSalesOrderSummary[]).map((s) => s.id);
    };
    const all = await list();
    expect(all).toEqual(expect.arrayContaining([o.order.id, invoiced.id]));
    expect(all).not.toContain(draft.id);
    expect(all).not.toContain(siblings.id);
    expect(await list("?status=invoiced")).toEqual([invoiced.id]);
    expect(await list("?q=kiwi")).toEqual([invoiced.id]);
    expect(await list("?q=PO-PORTAL")).toEqual([o.order.id]);
    expect((await portalGet(ctx, org, o.cookie, "/sales-orders?status=draft")).statusCode).toBe(400);
    for (const id of [draft.id, siblings.id]) {
      expect((await portalGet(ctx, org, o.cookie, `/sales-orders/${id}`)).statusCode).toBe(404);
      expect((await portalGet(ctx, org, o.cookie, `/sales-orders/${id}/pdf`)).statusCode).toBe(404);
    }
  });

  test("the detail lists the invoices that fulfil it, never draft invoices", async () => {
    const o = await sentOrder("Invoices Customer");
    const chairs = o.order.lines[0]?.id as string;
    const first = await api("POST", `/api/sales-orders/${o.order.id}/invoice`, {
      lines: [{ salesOrderLineId: chairs, quantityMilli: 1000 }],
    });
    const firstId = first.json().invoiceId as string;
    const second = (await api("POST", `/api/sales-orders/${o.order.id}/invoice`, {})).json()
      .invoiceId as string;
    expect((await api("POST", `/api/invoices/${firstId}/issue`)).statusCode).toBe(200);
    const seen: PortalSalesOrderDetail = (
      await portalGet(ctx, org, o.cookie, `/sales-orders/${o.order.id}`)
    ).json();
    expect(seen.status).toBe("invoiced");
    expect(seen.invoices.map((i) => i.id)).toEqual([firstId]);
    expect(seen.invoices.map((i) => i.id)).not.toContain(second);
    expect(seen.invoices[0]).toMatchObject({ status: "issued" });
    expect(seen.invoices[0]?.number).toMatch(/^F/);
  });

  test("the PDF downloads and is audited", async () => {
    const o = await sentOrder("Pdf Customer");
    const res = await portalGet(ctx, org, o.cookie, `/sales-orders/${o.order.id}/pdf`);
    expect(res.statusCode).toBe(200);
    const text = (await new PDFParse({ data: res.rawPayload }).getText()).text;
    expect(text).toContain(o.order.number as string);
    const audit = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.documentId, o.order.id)),
    );
    expect(audit.map((a) => a.action)).toContain("document_downloaded");
  });

  test("with showSalesOrders off every route answers 403 FEATURE_DISABLED and /me says so", async () => {
    const o = await sentOrder("Feature Customer");
    await setOption(false);
    try {
      for (const path of [
        "/sales-orders",
        `/sales-orders/${o.order.id}`,
        `/sales-orders/${o.order.id}/pdf`,
      ]) {
        const res = await portalGet(ctx, org, o.cookie, path);
        expect([res.statusCode, res.json().code], path).toEqual([403, "FEATURE_DISABLED"]);
      }
      const me: PortalMe = (await portalGet(ctx, org, o.cookie, "/me")).json();
      expect(me.features.showSalesOrders).toBe(false);
      expect((await api("GET", `/api/sales-orders/${o.order.id}`)).json().viewedAt).toBeNull();
    } finally {
      await setOption(true);
    }
    const me: PortalMe = (await portalGet(ctx, org, o.cookie, "/me")).json();
    expect(me.features.showSalesOrders).toBe(true);
    expect((await portalGet(ctx, org, o.cookie, `/sales-orders/${o.order.id}`)).statusCode).toBe(200);
  });

  test("voiding an order revokes its emailed links", async () => {
    const customer = await buildCustomer(ctx, org, "Void Link Customer");
    const order = await buildSalesOrder(ctx, org, customer.id, { confirm: true });
    await api("POST", `/api/sales-orders/${order.id}/send`, {});
    const primary = customer.contacts.find((c) => c.isPrimary) ?? customer.contacts[0];
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(emails)
        .where(eq(emails.toAddress, primary?.email ?? "")),
    );
    const link = /https:\/\/portico\.test\/p\/[^\s]+\/l\/[A-Za-z0-9_-]+/.exec(
      rows.at(-1)?.textBody ?? "",
    )?.[0];
    expect((await api("POST", `/api/sales-orders/${order.id}/void`)).statusCode).toBe(200);
    const opened = await openLink(ctx, link as string);
    expect(opened.location).not.toBe(`/p/${org.slug}/sales-orders/${order.id}`);
  });
});
