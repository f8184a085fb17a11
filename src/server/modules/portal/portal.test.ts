import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import { formatMoney } from "../../../shared/money/index.js";
import * as clock from "../../clock.js";
import { contacts, documentLinks } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  cookieHeader,
  openLink,
  putPortalSettings,
  type TestOrg,
} from "../../test/factories.js";
import { pdfText } from "../../test/pdf.js";
import { buildSentInvoice, primaryContact, setUpTestApp } from "../../test/scenarios.js";

const { ctx, org, otherOrg } = setUpTestApp("Portal Org", "Other Portal Org");

const staff = (o: TestOrg, url: string) => ctx.app.inject({ url, headers: { cookie: o.cookie } });
const asContact = (cookie: string, url: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ url, headers: { cookie, ...headers } });

interface Sent {
  customer: Customer;
  invoice: InvoiceDetail;
  link: string;
  contactId: string;
}

/** A new customer with an issued invoice sent to it; `link` is its primary contact's. */
async function sentInvoice(o: TestOrg, name: string): Promise<Sent> {
  const customer = await buildCustomer(ctx, o, name);
  const { invoice, links } = await buildSentInvoice(ctx, o, customer.id);
  const primary = primaryContact(customer);
  const link = links.get(primary.email);
  if (!link) throw new Error("no link for the primary contact");
  return { customer, invoice, link, contactId: primary.id };
}

async function signIn(sent: Sent): Promise<string> {
  const opened = await openLink(ctx, sent.link);
  expect(opened.status).toBe(303);
  expect(opened.cookie).not.toBe("");
  return opened.cookie;
}

const setContactPortal = (o: TestOrg, contactId: string, portalEnabled: boolean) =>
  withOrg(ctx.database.db, o.orgId, (tx) =>
    tx.update(contacts).set({ portalEnabled }).where(eq(contacts.id, contactId)),
  );

describe("the emailed link", () => {
  test("signs the contact in with an HttpOnly SameSite=Lax cookie and opens the invoice", async () => {
    const sent = await sentInvoice(org, "Link Customer");
    const res = await ctx.app.inject({ url: sent.link.replace("https://portico.test", "") });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/p/${org.slug}/invoices/${sent.invoice.id}`);
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["cache-control"]).toBe("no-store");
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(
      new RegExp(`^__Host-portico_portal_${org.orgId.replaceAll("-", "")}=[A-Za-z0-9_-]{43};`),
    );
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; Path=\//);

    const me = await asContact(cookieHeader(res.headers["set-cookie"]), `/api/portal/${org.slug}/me`);
    expect(me.statusCode).toBe(200);
    const primary = sent.customer.contacts.find((c) => c.id === sent.contactId);
    expect(me.json()).toMatchObject({
      contact: { id: sent.contactId, name: primary?.name, email: primary?.email },
      customer: { id: sent.customer.id, name: "Link Customer" },
      org: { name: "Portal Org" },
    });
  });

  test("a link can be used again while it is valid", async () => {
    const sent = await sentInvoice(org, "Reuse Customer");
    const first = await openLink(ctx, sent.link);
    const second = await openLink(ctx, sent.link);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.location).toBe(first.location);
    expect(second.cookie).not.toBe(first.cookie);
  });

  type Case = [string, (sent: Sent) => Promise<string>, (sent: Sent) => string];
  const own = () => `/p/${org.slug}/?error=LINK_INVALID`;
  const cases: Case[] = [
    [
      "expired",
      async (s) => {
        await withSystem(ctx.database.db, (tx) =>
          tx
            .update(documentLinks)
            .set({ expiresAt: new Date(clock.nowMs() - 60_000) })
            .where(eq(documentLinks.documentId, s.invoice.id)),
        );
        return s.link;
      },
      own,
    ],
    [
      "revoked",
      async (s) => {
        await withSystem(ctx.database.db, (tx) =>
          tx
            .update(documentLinks)
            .set({ revokedAt: clock.now() })
            .where(eq(documentLinks.documentId, s.invoice.id)),
        );
        return s.link;
      },
      own,
    ],
    [
      "for a voided invoice",
      async (s) => {
        const res = await ctx.app.inject({
          method: "POST",
          url: `/api/invoices/${s.invoice.id}/void`,
          headers: { cookie: org.cookie },
          payload: {},
        });
        expect(res.statusCode).toBe(200);
        return s.link;
      },
      own,
    ],
    [
      "of a contact whose portal access was turned off",
      async (s) => {
        await setContactPortal(org, s.contactId, false);
        return s.link;
      },
      own,
    ],
    [
      "under another organisation's portal address",
      async (s) => s.link.replace(`/p/${org.slug}/`, `/p/${otherOrg.slug}/`),
      () => `/p/${otherOrg.slug}/?error=LINK_INVALID`,
    ],
    [
      "under a portal address that does not exist",
      async (s) => s.link.replace(`/p/${org.slug}/`, "/p/no-such-portal/"),
      () => "/p/no-such-portal/?error=LINK_INVALID",
    ],
    ["with a garbage token", async () => `https://portico.test/p/${org.slug}/l/garbage`, own],
    [
      "with a well-formed token nobody issued",
      async () => `https://portico.test/p/${org.slug}/l/${"A".repeat(43)}`,
      own,
    ],
  ];

  test.each(cases)(
    "%s: redirects to the portal with LINK_INVALID and sets no cookie",
    async (_name, spoil, to) => {
      const sent = await sentInvoice(org, `Spoilt ${_name}`);
      const link = await spoil(sent);
      const res = await ctx.app.inject({ url: link.replace("https://portico.test", "") });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(to(sent));
      expect(res.headers["set-cookie"]).toBeUndefined();
    },
  );
});

describe("a signed-in contact", () => {
  let sent: Sent;
  let cookie: string;
  let draft: InvoiceDetail;

  beforeAll(async () => {
    sent = await sentInvoice(org, "Panadería Núñez e Hijos");
    draft = await buildInvoice(ctx, org, sent.customer.id);
    cookie = await signIn(sent);
  });

  test("lists the customer's invoices, never drafts", async () => {
    const res = await asContact(cookie, `/api/portal/${org.slug}/invoices`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().items;
    expect(rows.map((r: { id: string }) => r.id)).toEqual([sent.invoice.id]);
    expect(rows[0]).toMatchObject({
      number: sent.invoice.number,
      status: "sent",
      totalMinor: 24200,
      dueMinor: 24200,
    });
    expect(rows[0].customerName).toBeUndefined();
    // Drafts do not exist for the portal: not even a filter names them.
    const drafts = await asContact(cookie, `/api/portal/${org.slug}/invoices?status=draft`);
    expect(drafts.statusCode).toBe(400);
    const direct = await asContact(cookie, `/api/portal/${org.slug}/invoices/${draft.id}`);
    expect(direct.statusCode).toBe(404);
  });

  test("opening an invoice the first time marks it viewed and notifies staff, once", async () => {
    expect((await staff(org, `/api/invoices/${sent.invoice.id}`)).json().status).toBe("sent");
    const res = await asContact(cookie, `/api/portal/${org.slug}/invoices/${sent.invoice.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: sent.invoice.id,
      number: sent.invoice.number,
      status: "viewed",
      totalMinor: 24200,
      canPay: true,
      minimumPaymentMinor: 50,
    });
    expect(res.json().viewedAt).toBeUndefined();
    expect((await asContact(cookie, `/api/portal/${org.slug}/invoices/${sent.invoice.id}`)).statusCode).toBe(
      200,
    );

    const after = (await staff(org, `/api/invoices/${sent.invoice.id}`)).json();
    expect(after.status).toBe("viewed");
    expect(after.viewedAt).not.toBeNull();
    const notes = (await staff(org, "/api/notifications")).json();
    const viewed = notes.items.filter(
      (n: { type: string; data: { invoiceId?: string } }) =>
        n.type === "invoice_viewed" && n.data.invoiceId === sent.invoice.id,
    );
    expect(viewed).toHaveLength(1);
    expect(viewed[0].data).toMatchObject({
      number: sent.invoice.number,
      customerName: "Panadería Núñez e Hijos",
    });
    expect(viewed[0].readAt).toBeNull();
    expect(notes.unread).toBeGreaterThanOrEqual(1);
  });

  test("downloads the PDF with the number, the accented customer name and the total in euros", async () => {
    const res = await asContact(cookie, `/api/portal/${org.slug}/invoices/${sent.invoice.id}/pdf`, {
      "accept-language": "es-ES,es;q=0.9",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${sent.invoice.number}.pdf"`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(sent.invoice.number);
    expect(text).toContain("Panadería Núñez e Hijos");
    const total = formatMoney(sent.invoice.totalMinor, "EUR", "es-ES").replace(/\u00a0/g, " ");
    expect(total).toBe("242,00 €");
    expect(text).toContain(total);
  });

  test("cannot reach another customer's invoice of the same organisation (404)", async () => {
    const neighbour = await sentInvoice(org, "Neighbour Customer");
    for (const path of ["", "/pdf"]) {
      const res = await asContact(cookie, `/api/portal/${org.slug}/invoices/${neighbour.invoice.id}${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
    const pay = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/invoices/${neighbour.invoice.id}/pay`,
      headers: { cookie },
      payload: { idempotencyKey: "neighbour-pay-1" },
    });
    expect(pay.statusCode).toBe(404);
    const listed = (await asContact(cookie, `/api/portal/${org.slug}/invoices`)).json().items;
    expect(listed.map((r: { id: string }) => r.id)).not.toContain(neighbour.invoice.id);
    // And the neighbour's invoice was not marked viewed by the attempt
    expect((await staff(org, `/api/invoices/${neighbour.invoice.id}`)).json().status).toBe("sent");
  });

  test("cannot reach another organisation's invoice (404), nor its portal with this cookie (401)", async () => {
    const foreign = await sentInvoice(otherOrg, "Foreign Customer");
    const res = await asContact(cookie, `/api/portal/${org.slug}/invoices/${foreign.invoice.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("NOT_FOUND");
    const there = await asContact(cookie, `/api/portal/${otherOrg.slug}/invoices/${foreign.invoice.id}`);
    expect(there.statusCode).toBe(401);
    expect(there.json().code).toBe("UNAUTHENTICATED");
  });

  test("signing out ends the session", async () => {
    const own = await signIn(sent);
    expect((await asContact(own, `/api/portal/${org.slug}/me`)).statusCode).toBe(200);
    const out = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/logout`,
      headers: { cookie: own },
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect((await asContact(own, `/api/portal/${org.slug}/me`)).statusCode).toBe(401);
    expect((await asContact(cookie, `/api/portal/${org.slug}/me`)).statusCode).toBe(200);
  });

  test("without a session everything is 401", async () => {
    for (const path of ["/me", "/invoices", `/invoices/${sent.invoice.id}`]) {
      const res = await ctx.app.inject({ url: `/api/portal/${org.slug}${path}` });
      expect(res.statusCode, path).toBe(401);
      expect(res.json().code).toBe("UNAUTHENTICATED");
    }
  });
});

describe("losing access", () => {
  test("turning the contact's portal access off ends an open session on the next request", async () => {
    const sent = await sentInvoice(org, "Revoked Access Customer");
    const cookie = await signIn(sent);
    expect((await asContact(cookie, `/api/portal/${org.slug}/me`)).statusCode).toBe(200);
    await setContactPortal(org, sent.contactId, false);
    const res = await asContact(cookie, `/api/portal/${org.slug}/invoices/${sent.invoice.id}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("UNAUTHENTICATED");
    await setContactPortal(org, sent.contactId, true);
  });

  test("deleting the customer ends its contacts' sessions", async () => {
    const sent = await sentInvoice(org, "Deleted Customer");
    const cookie = await signIn(sent);
    const del = await ctx.app.inject({
      method: "DELETE",
      url: `/api/customers/${sent.customer.id}`,
      headers: { cookie: org.cookie },
    });
    expect(del.statusCode).toBe(200);
    expect((await asContact(cookie, `/api/portal/${org.slug}/me`)).statusCode).toBe(401);
  });

  test("a portal that is turned off answers 404 PORTAL_DISABLED, and its links stop working", async () => {
    const closing = await buildOrg(ctx, "Closing Portal Org");
    const sent = await sentInvoice(closing, "Closing Customer");
    const cookie = await signIn(sent);
    expect((await ctx.app.inject({ url: `/api/portal/${closing.slug}` })).json()).toMatchObject({
      name: "Closing Portal Org",
    });
    const off = await putPortalSettings(ctx, closing, { portalEnabled: false, deliveryMode: "both" });
    expect(off.statusCode).toBe(200);

    const branding = await ctx.app.inject({ url: `/api/portal/${closing.slug}` });
    expect(branding.statusCode).toBe(404);
    expect(branding.json().code).toBe("PORTAL_DISABLED");
    const me = await asContact(cookie, `/api/portal/${closing.slug}/me`);
    expect(me.statusCode).toBe(404);
    expect(me.json().code).toBe("PORTAL_DISABLED");
    const link = await openLink(ctx, sent.link);
    expect(link).toMatchObject({
      status: 303,
      cookie: "",
      location: `/p/${closing.slug}/?error=LINK_INVALID`,
    });
  });

  test("an unknown portal is 404 NOT_FOUND", async () => {
    const res = await ctx.app.inject({ url: "/api/portal/no-such-portal-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("NOT_FOUND");
  });
});
