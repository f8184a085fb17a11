import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ContactPortalAccess, Customer } from "../../../shared/contracts/index.js";
import { contacts, documentLinks, emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { verifyPassword } from "../../http/passwords.js";
import { buildCustomer, buildInvoice, buildOrg, openLink, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { peekPortalToken } from "./portal-tokens.service.js";

let ctx: TestContext;
let org: TestOrg;
let otherOrg: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Access Org");
  otherOrg = await buildOrg(ctx, "Other Access Org");
});
afterAll(() => ctx.close());

type Method = "GET" | "POST" | "DELETE";
const call = (
  o: TestOrg,
  method: Method,
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) => ctx.app.inject({ method, url, headers: { cookie: o.cookie, ...headers }, payload });

const accessUrl = (c: Customer, contactId: string) =>
  `/api/customers/${c.id}/contacts/${contactId}/portal-access`;
const first = (c: Customer) => c.contacts[0]?.id as string;
const second = (c: Customer) => c.contacts[1]?.id as string;

async function statusOf(o: TestOrg, c: Customer, contactId: string) {
  const res = await call(o, "GET", `/api/customers/${c.id}/portal-access`);
  expect(res.statusCode).toBe(200);
  return (res.json() as ContactPortalAccess[]).find((a) => a.contactId === contactId);
}

const invitationEmails = (o: TestOrg, to?: string) =>
  withOrg(ctx.database.db, o.orgId, async (tx) =>
    (await tx.select().from(emails).where(eq(emails.kind, "invitation"))).filter(
      (e) => !to || e.toAddress === to,
    ),
  );

const tokenIn = (text: string) => /\/invitation\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";

/** Sends an invoice and returns each contact's emailed document link, by email address. */
async function linksByEmail(invoiceId: string): Promise<Map<string, string>> {
  const res = await call(org, "POST", `/api/invoices/${invoiceId}/send`, {});
  expect(res.statusCode).toBe(200);
  const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(emails).where(eq(emails.kind, "invoice_sent")),
  );
  const links = new Map<string, string>();
  for (const e of rows) {
    const link = /https:\/\/portico\.test\/p\/[^\s]+\/l\/[A-Za-z0-9_-]+/.exec(e.textBody)?.[0];
    if (link) links.set(e.toAddress, link);
  }
  return links;
}

async function addContact(o: TestOrg, c: Customer, body: object): Promise<string> {
  const res = await call(o, "POST", `/api/customers/${c.id}/contacts`, body);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

describe("enabling access by invitation (D1)", () => {
  test("marks the contact invited and emails portal address, user name and an Accept button from PUBLIC_URL", async () => {
    const customer = await buildCustomer(ctx, org, "Invite Customer");
    const contact = customer.contacts[0];
    expect(await statusOf(org, customer, first(customer))).toMatchObject({ status: "none", invitedAt: null });

    const res = await call(
      org,
      "POST",
      accessUrl(customer, first(customer)),
      { mode: "invite" },
      { host: "evil.example", "x-forwarded-host": "evil.example" },
    );
    expect(res.statusCode).toBe(200);
    const row = res.json().contacts.find((a: ContactPortalAccess) => a.contactId === first(customer));
    expect(row.status).toBe("invited");
    expect(row.invitedAt).not.toBeNull();

    const [email, ...more] = await invitationEmails(org, contact?.email ?? "");
    expect(more).toHaveLength(0);
    if (!email) throw new Error("no invitation email");
    const portal = `https://portico.test/p/${org.slug}/`;
    expect(email.subject).toContain("Access Org");
    expect(email.textBody).toContain(portal);
    expect(email.textBody).toContain(contact?.email);
    expect(email.textBody).toMatch(
      new RegExp(`${portal.replaceAll(".", "\\.")}invitation/[A-Za-z0-9_-]{43}`),
    );
    expect(email.htmlBody).toContain(`href="${portal}invitation/${tokenIn(email.textBody)}"`);
    // The organisation's language (Spanish here) when neither contact nor customer has one.
    expect(email.htmlBody).toContain("Aceptar invitación");
    expect(email.textBody + email.htmlBody).not.toContain("evil.example");
    const owner = await peekPortalToken(ctx.database.db, org.orgId, "invitation", tokenIn(email.textBody));
    expect(owner).toEqual({ orgId: org.orgId, customerId: customer.id, contactId: first(customer) });
  });

  test("writes in the contact's language and escapes names", async () => {
    const customer = await buildCustomer(ctx, org, "Language Customer");
    const contactId = await addContact(org, customer, {
      name: "<b>Ana</b>",
      email: "ana-en@example.com",
      language: "en",
    });
    const res = await call(org, "POST", accessUrl(customer, contactId), { mode: "invite" });
    expect(res.statusCode).toBe(200);
    const [email] = await invitationEmails(org, "ana-en@example.com");
    expect(email?.htmlBody).toContain("Accept invitation");
    expect(email?.textBody).toContain("User name: ana-en@example.com");
    expect(email?.htmlBody).toContain("&lt;b&gt;Ana&lt;/b&gt;");
    expect(email?.htmlBody).not.toContain("<b>Ana</b>");
  });

  test("refuses a contact without an email (CONTACT_HAS_NO_EMAIL) and changes nothing", async () => {
    const customer = await buildCustomer(ctx, org, "No Email Customer");
    const contactId = await addContact(org, customer, { name: "No Mail" });
    for (const body of [
      { mode: "invite" },
      { mode: "password", password: "a long and unusual passphrase" },
    ]) {
      const res = await call(org, "POST", accessUrl(customer, contactId), body);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe("CONTACT_HAS_NO_EMAIL");
    }
    expect(await statusOf(org, customer, contactId)).toMatchObject({ status: "none", invitedAt: null });
  });

  test("answers 400 naming the field for an unknown mode", async () => {
    const customer = await buildCustomer(ctx, org, "Bad Body Customer");
    const res = await call(org, "POST", accessUrl(customer, first(customer)), { mode: "magic" });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(res.json().errors)).toContain("body");
  });
});

describe("enabling access with a password set by staff (D1)", () => {
  test.each([
    ["short", "PASSWORD_TOO_SHORT"],
    ["x".repeat(129), "PASSWORD_TOO_LONG"],
    ["1qaz2wsx3edc", "PASSWORD_BREACHED"],
  ])("refuses %s with its code and the field", async (password, code) => {
    const customer = await buildCustomer(ctx, org, `Weak ${code}`);
    const res = await call(org, "POST", accessUrl(customer, first(customer)), { mode: "password", password });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code, errors: [{ field: "body.password" }] });
    expect((await statusOf(org, customer, first(customer)))?.status).toBe("none");
  });

  test("stores an argon2 hash, sends no email and shows the contact as active", async () => {
    const customer = await buildCustomer(ctx, org, "Password Customer");
    const before = (await invitationEmails(org)).length;
    const res = await call(org, "POST", accessUrl(customer, first(customer)), {
      mode: "password",
      password: "staff chose this passphrase",
    });
    expect(res.statusCode).toBe(200);
    expect((await statusOf(org, customer, first(customer)))?.status).toBe("active");
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(contacts)
        .where(eq(contacts.id, first(customer))),
    );
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row?.passwordHash ?? null, "staff chose this passphrase")).toBe(true);
    expect((await invitationEmails(org)).length).toBe(before);
  });
});

describe("re-inviting (D3)", () => {
  test("issues a new token and email; the old invitation stops working", async () => {
    const customer = await buildCustomer(ctx, org, "Reinvite Customer");
    const to = customer.contacts[0]?.email ?? "";
    await call(org, "POST", accessUrl(customer, first(customer)), { mode: "invite" });
    const oldToken = tokenIn((await invitationEmails(org, to))[0]?.textBody ?? "");
    const res = await call(org, "POST", `${accessUrl(customer, first(customer))}/reinvite`);
    expect(res.statusCode).toBe(200);
    const sent = await invitationEmails(org, to);
    expect(sent).toHaveLength(2);
    const newToken = sent.map((e) => tokenIn(e.textBody)).find((t) => t !== oldToken) ?? "";
    expect(await peekPortalToken(ctx.database.db, org.orgId, "invitation", oldToken)).toBeNull();
    expect(await peekPortalToken(ctx.database.db, org.orgId, "invitation", newToken)).not.toBeNull();
  });

  test("refuses a disabled contact (PORTAL_ACCESS_DISABLED) and a contact without email", async () => {
    const customer = await buildCustomer(ctx, org, "Reinvite Disabled");
    expect((await call(org, "DELETE", accessUrl(customer, first(customer)))).statusCode).toBe(200);
    const res = await call(org, "POST", `${accessUrl(customer, first(customer))}/reinvite`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("PORTAL_ACCESS_DISABLED");
    const noMail = await addContact(org, customer, { name: "No Mail" });
    const res2 = await call(org, "POST", `${accessUrl(customer, noMail)}/reinvite`);
    expect(res2.json().code).toBe("CONTACT_HAS_NO_EMAIL");
  });
});

describe("disabling access (D4)", () => {
  test("a contact: its open session gets 401, its emailed link and invitation stop working", async () => {
    const customer = await buildCustomer(ctx, org, "Disable Customer");
    const contact = customer.contacts[0];
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const links = await linksByEmail(invoice.id);
    const ownLink = links.get(contact?.email ?? "") ?? "";
    const otherLink = links.get(customer.contacts[1]?.email ?? "") ?? "";
    const session = (await openLink(ctx, ownLink)).cookie;
    const me = `/api/portal/${org.slug}/me`;
    expect((await ctx.app.inject({ url: me, headers: { cookie: session } })).statusCode).toBe(200);
    await call(org, "POST", accessUrl(customer, first(customer)), { mode: "invite" });
    const token = tokenIn((await invitationEmails(org, contact?.email ?? ""))[0]?.textBody ?? "");
    expect(await peekPortalToken(ctx.database.db, org.orgId, "invitation", token)).not.toBeNull();

    const res = await call(org, "DELETE", accessUrl(customer, first(customer)));
    expect(res.statusCode).toBe(200);
    const states = res.json().contacts.map((a: ContactPortalAccess) => a.status);
    expect(states).toEqual(["disabled", "none"]);

    const after = await ctx.app.inject({ url: me, headers: { cookie: session } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("UNAUTHENTICATED");
    expect(await peekPortalToken(ctx.database.db, org.orgId, "invitation", token)).toBeNull();
    expect((await openLink(ctx, ownLink)).location).toContain("error=LINK_INVALID");
    // The other contact of the customer keeps working.
    expect((await openLink(ctx, otherLink)).status).toBe(303);
    expect((await openLink(ctx, otherLink)).location).not.toContain("LINK_INVALID");

    // Enabling again does not bring the revoked link back.
    await call(org, "POST", accessUrl(customer, first(customer)), { mode: "invite" });
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(documentLinks)
        .where(eq(documentLinks.contactId, first(customer))),
    );
    expect(rows.every((l) => l.revokedAt !== null)).toBe(true);
    expect((await openLink(ctx, ownLink)).location).toContain("error=LINK_INVALID");
  });

  test("a whole customer: every contact disabled, sessions ended", async () => {
    const customer = await buildCustomer(ctx, org, "Disable All Customer");
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const byEmail = await linksByEmail(invoice.id);
    const links = customer.contacts.map((c) => byEmail.get(c.email ?? "") ?? "");
    const cookies = await Promise.all(links.map(async (l) => (await openLink(ctx, l)).cookie));
    expect(cookies.length).toBeGreaterThan(0);
    const res = await call(org, "DELETE", `/api/customers/${customer.id}/portal-access`);
    expect(res.statusCode).toBe(200);
    expect(res.json().contacts.map((a: ContactPortalAccess) => a.status)).toEqual(["disabled", "disabled"]);
    for (const cookie of cookies) {
      const me = await ctx.app.inject({ url: `/api/portal/${org.slug}/me`, headers: { cookie } });
      expect(me.statusCode).toBe(401);
    }
    for (const l of links) expect((await openLink(ctx, l)).location).toContain("LINK_INVALID");
  });

  test("enabling again re-enables a disabled contact", async () => {
    const customer = await buildCustomer(ctx, org, "Re-enable Customer");
    await call(org, "DELETE", accessUrl(customer, second(customer)));
    expect((await statusOf(org, customer, second(customer)))?.status).toBe("disabled");
    await call(org, "POST", accessUrl(customer, second(customer)), { mode: "invite" });
    expect((await statusOf(org, customer, second(customer)))?.status).toBe("invited");
  });
});

describe("scope", () => {
  test("another organisation's or another customer's ids answer 404 and change nothing", async () => {
    const victim = await buildCustomer(ctx, otherOrg, "Victim");
    const mine = await buildCustomer(ctx, org, "Mine");
    const attempts: [Method, string, object?][] = [
      ["GET", `/api/customers/${victim.id}/portal-access`],
      ["POST", accessUrl(victim, first(victim)), { mode: "invite" }],
      ["POST", `${accessUrl(victim, first(victim))}/reinvite`],
      ["DELETE", accessUrl(victim, first(victim))],
      ["DELETE", `/api/customers/${victim.id}/portal-access`],
      ["POST", `/api/customers/${victim.id}/contacts/${first(victim)}/preview`],
      // my customer, their contact
      ["POST", accessUrl(mine, first(victim)), { mode: "invite" }],
      ["DELETE", accessUrl(mine, first(victim))],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await call(org, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
    expect((await statusOf(otherOrg, victim, first(victim)))?.status).toBe("none");
    expect(await invitationEmails(otherOrg)).toHaveLength(0);
  });

  test("without a staff session every route answers 401", async () => {
    const customer = await buildCustomer(ctx, org, "Anon Customer");
    for (const [method, url] of [
      ["GET", `/api/customers/${customer.id}/portal-access`],
      ["POST", accessUrl(customer, first(customer))],
      ["POST", "/api/portal-access/bulk"],
      ["POST", `/api/customers/${customer.id}/contacts/${first(customer)}/preview`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: {} });
      expect(res.statusCode).toBe(401);
    }
  });
});
