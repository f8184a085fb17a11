import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import type { ContactPortalAccess, Customer, CustomerSummary } from "../../../shared/contracts/index.js";
import { contacts, emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, openLink, type TestOrg } from "../../test/factories.js";
import { buildSentInvoice, setUpTestApp } from "../../test/scenarios.js";

const { ctx, org, otherOrg } = setUpTestApp("Contacts Org", "Other Contacts Org");

type Method = "GET" | "POST" | "PUT" | "DELETE";
const call = (o: TestOrg, method: Method, url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie: o.cookie }, payload });

const contactUrl = (customerId: string, contactId: string) =>
  `/api/customers/${customerId}/contacts/${contactId}`;
const idOf = (c: Customer, i: number) => c.contacts[i]?.id as string;
const bodyOf = (c: Customer, i: number) => {
  const k = c.contacts[i];
  if (!k) throw new Error("no such contact");
  return { name: k.name, email: k.email, phone: k.phone, language: k.language };
};

async function reload(o: TestOrg, c: Customer): Promise<Customer> {
  const res = await call(o, "GET", `/api/customers/${c.id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function statusOf(o: TestOrg, c: Customer, contactId: string) {
  const res = await call(o, "GET", `/api/customers/${c.id}/portal-access`);
  return (res.json() as ContactPortalAccess[]).find((a) => a.contactId === contactId)?.status;
}

const me = (cookie: string) => ctx.app.inject({ url: `/api/portal/${org.slug}/me`, headers: { cookie } });

/** Sends an invoice; each contact's link and the session opened with it, by email address. */
async function sessionsByEmail(c: Customer) {
  const { links } = await buildSentInvoice(ctx, org, c.id);
  const out = new Map<string, { link: string; cookie: string }>();
  for (const [email, link] of links) out.set(email, { link, cookie: (await openLink(ctx, link)).cookie });
  return out;
}

describe("the customer list", () => {
  test("counts each customer's live contacts", async () => {
    const customer = await buildCustomer(ctx, org, "Counted Customer");
    const res = await call(org, "GET", "/api/customers?q=Counted");
    expect(res.statusCode).toBe(200);
    const row = (res.json().items as CustomerSummary[]).find((c) => c.id === customer.id);
    expect(row?.contactCount).toBe(2);
  });
});

describe("editing a contact", () => {
  test("changes name, phone and language; making another contact primary leaves exactly one", async () => {
    const customer = await buildCustomer(ctx, org, "Edit Customer");
    const res = await call(org, "PUT", contactUrl(customer.id, idOf(customer, 1)), {
      ...bodyOf(customer, 1),
      name: "Renamed Person",
      phone: "+34 600 000 000",
      language: "es",
      isPrimary: true,
    });
    expect(res.statusCode).toBe(200);
    const after = await reload(org, customer);
    const edited = after.contacts.find((c) => c.id === idOf(customer, 1));
    expect(edited).toMatchObject({
      name: "Renamed Person",
      phone: "+34 600 000 000",
      language: "es",
      isPrimary: true,
      email: customer.contacts[1]?.email,
    });
    expect(after.contacts.filter((c) => c.isPrimary).map((c) => c.id)).toEqual([idOf(customer, 1)]);
    // Omitting isPrimary keeps it.
    const again = await call(org, "PUT", contactUrl(customer.id, idOf(customer, 1)), {
      ...bodyOf(after, 0),
      name: "Renamed Twice",
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().contacts.filter((c: { isPrimary: boolean }) => c.isPrimary)).toHaveLength(1);
  });

  test("refuses to un-mark the primary, a duplicate email (any case) and bad input, changing nothing", async () => {
    const customer = await buildCustomer(ctx, org, "Refuse Edit Customer");
    const attempts: [object, number, string][] = [
      [{ ...bodyOf(customer, 0), isPrimary: false }, 409, "CONTACT_PRIMARY_REQUIRED"],
      [
        { ...bodyOf(customer, 0), email: customer.contacts[1]?.email?.toUpperCase() },
        409,
        "CONTACT_EMAIL_TAKEN",
      ],
      [{ ...bodyOf(customer, 0), name: "" }, 400, "VALIDATION_FAILED"],
      [{ ...bodyOf(customer, 0), email: "not an email" }, 400, "VALIDATION_FAILED"],
      [{ ...bodyOf(customer, 0), language: "fr" }, 400, "VALIDATION_FAILED"],
    ];
    for (const [payload, status, code] of attempts) {
      const res = await call(org, "PUT", contactUrl(customer.id, idOf(customer, 0)), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe(code);
    }
    expect(await reload(org, customer)).toEqual(customer);
  });

  test("a new email re-confirms portal access: sessions, links and password end, an invitation goes to the new address", async () => {
    const customer = await buildCustomer(ctx, org, "Email Change Customer");
    const contact = customer.contacts[0];
    const enabled = await call(org, "POST", `${contactUrl(customer.id, idOf(customer, 0))}/portal-access`, {
      mode: "password",
      password: "a long and unusual passphrase",
    });
    expect(enabled.statusCode).toBe(200);
    expect(await statusOf(org, customer, idOf(customer, 0))).toBe("active");
    const sessions = await sessionsByEmail(customer);
    const own = sessions.get(contact?.email ?? "");
    const other = sessions.get(customer.contacts[1]?.email ?? "");
    if (!own || !other) throw new Error("no links");
    expect((await me(own.cookie)).statusCode).toBe(200);

    const res = await call(org, "PUT", contactUrl(customer.id, idOf(customer, 0)), {
      ...bodyOf(customer, 0),
      email: "new-address@example.com",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().contacts[0].email).toBe("new-address@example.com");

    expect((await me(own.cookie)).statusCode).toBe(401);
    expect((await openLink(ctx, own.link)).location).toContain("LINK_INVALID");
    expect(await statusOf(org, customer, idOf(customer, 0))).toBe("invited");
    const invitations = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(emails).where(eq(emails.kind, "invitation")),
    );
    expect(invitations.map((e) => e.toAddress)).toContain("new-address@example.com");
    expect(invitations.map((e) => e.toAddress)).not.toContain(contact?.email);
    const login = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/login`,
      payload: { email: "new-address@example.com", password: "a long and unusual passphrase" },
    });
    expect(login.statusCode).toBe(401);
    // The other contact keeps its session.
    expect((await me(other.cookie)).statusCode).toBe(200);
  });

  test("a change of letter case is not a new address: access stays", async () => {
    const customer = await buildCustomer(ctx, org, "Case Customer");
    const sessions = await sessionsByEmail(customer);
    const own = sessions.get(customer.contacts[0]?.email ?? "");
    const res = await call(org, "PUT", contactUrl(customer.id, idOf(customer, 0)), {
      ...bodyOf(customer, 0),
      email: customer.contacts[0]?.email?.toUpperCase(),
    });
    expect(res.statusCode).toBe(200);
    expect((await me(own?.cookie ?? "")).statusCode).toBe(200);
  });
});

describe("a contact's email belongs to one contact of the organisation (portal sign-in is by email)", () => {
  const newCustomer = (name: string, emails: string[]) =>
    call(org, "POST", "/api/customers", {
      name,
      contacts: emails.map((email, i) => ({ name: `${name} ${i}`, email })),
    });

  test("adding or editing to an address another customer's contact uses is refused, naming it", async () => {
    const first = await buildCustomer(ctx, org, "Owner Of Address");
    const second = await buildCustomer(ctx, org, "Wants Address");
    const taken = first.contacts[0]?.email as string;
    const added = await call(org, "POST", `/api/customers/${second.id}/contacts`, {
      name: "Copycat",
      email: taken.toUpperCase(),
    });
    expect(added.statusCode).toBe(409);
    expect(added.json()).toMatchObject({
      code: "CONTACT_EMAIL_IN_USE",
      errors: [{ field: "body.email", code: "email_in_use", params: { customerName: "Owner Of Address" } }],
    });
    const edited = await call(org, "PUT", contactUrl(second.id, idOf(second, 1)), {
      ...bodyOf(second, 1),
      email: taken,
    });
    expect(edited.json().code).toBe("CONTACT_EMAIL_IN_USE");
    const created = await newCustomer("Newcomer With Taken", [`fresh-${Date.now()}@example.com`, taken]);
    expect(created.statusCode).toBe(409);
    expect(created.json()).toMatchObject({
      code: "CONTACT_EMAIL_IN_USE",
      errors: [{ field: "body.contacts.1.email" }],
    });
    expect(await reload(org, second)).toEqual(second);
    const listed = await call(org, "GET", "/api/customers?q=Newcomer%20With%20Taken");
    expect(listed.json().items).toEqual([]);
  });

  test("within one customer: adding a duplicate, or creating with two equal addresses, is CONTACT_EMAIL_TAKEN", async () => {
    const customer = await buildCustomer(ctx, org, "Same Customer Twice");
    const added = await call(org, "POST", `/api/customers/${customer.id}/contacts`, {
      name: "Again",
      email: customer.contacts[1]?.email,
    });
    expect(added.statusCode).toBe(409);
    expect(added.json()).toMatchObject({
      code: "CONTACT_EMAIL_TAKEN",
      errors: [{ field: "body.email", code: "email_taken" }],
    });
    const twice = await newCustomer("Twice Over", ["twice@example.com", "Twice@Example.com"]);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      code: "CONTACT_EMAIL_TAKEN",
      errors: [{ field: "body.contacts.1.email" }],
    });
  });

  test("another organisation's contacts, and removed contacts, do not hold an address", async () => {
    const mine = await buildCustomer(ctx, org, "Removes A Contact");
    const freed = mine.contacts[1]?.email as string;
    expect((await call(org, "DELETE", contactUrl(mine.id, idOf(mine, 1)))).statusCode).toBe(200);
    const other = await buildCustomer(ctx, org, "Takes Freed Address");
    const added = await call(org, "POST", `/api/customers/${other.id}/contacts`, {
      name: "Heir",
      email: freed,
    });
    expect(added.statusCode, added.body).toBe(201);
    const abroad = await buildCustomer(ctx, otherOrg, "Other Org Customer");
    const elsewhere = await call(otherOrg, "POST", `/api/customers/${abroad.id}/contacts`, {
      name: "Namesake",
      email: freed,
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });
});

describe("removing a contact", () => {
  test("soft-deletes it, ends its portal access at once and makes the next contact primary", async () => {
    const customer = await buildCustomer(ctx, org, "Remove Customer");
    const sessions = await sessionsByEmail(customer);
    const own = sessions.get(customer.contacts[0]?.email ?? "");
    const other = sessions.get(customer.contacts[1]?.email ?? "");
    if (!own || !other) throw new Error("no links");

    const res = await call(org, "DELETE", contactUrl(customer.id, idOf(customer, 0)));
    expect(res.statusCode).toBe(200);
    const after: Customer = res.json();
    expect(after.contacts.map((c) => [c.id, c.isPrimary])).toEqual([[idOf(customer, 1), true]]);
    expect((await me(own.cookie)).statusCode).toBe(401);
    expect((await openLink(ctx, own.link)).location).toContain("LINK_INVALID");
    expect((await me(other.cookie)).statusCode).toBe(200);
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(contacts)
        .where(eq(contacts.id, idOf(customer, 0))),
    );
    expect(row?.deletedAt).not.toBeNull();
    expect(row?.portalEnabled).toBe(false);
    // The list counts live contacts only.
    const list = await call(org, "GET", "/api/customers?q=Remove Customer");
    expect((list.json().items as CustomerSummary[])[0]?.contactCount).toBe(1);

    // The only contact left cannot be removed; a removed one is gone.
    const last = await call(org, "DELETE", contactUrl(customer.id, idOf(customer, 1)));
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe("CONTACT_LAST");
    expect((await call(org, "DELETE", contactUrl(customer.id, idOf(customer, 0)))).statusCode).toBe(404);
    expect((await reload(org, customer)).contacts).toHaveLength(1);
  });
});

describe("scope", () => {
  test("another organisation's customer or contact answers 404 and changes nothing", async () => {
    const victim = await buildCustomer(ctx, otherOrg, "Victim");
    const mine = await buildCustomer(ctx, org, "Mine");
    const attempts: [Method, string, object?][] = [
      ["PUT", contactUrl(victim.id, idOf(victim, 1)), { ...bodyOf(victim, 1), name: "Hijacked" }],
      ["DELETE", contactUrl(victim.id, idOf(victim, 1))],
      ["PUT", contactUrl(mine.id, idOf(victim, 1)), { ...bodyOf(victim, 1), name: "Hijacked" }],
      ["DELETE", contactUrl(mine.id, idOf(victim, 1))],
      ["PUT", contactUrl(victim.id, idOf(mine, 1)), { name: "Hijacked" }],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await call(org, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
    expect(await reload(otherOrg, victim)).toEqual(victim);
    expect(await reload(org, mine)).toEqual(mine);
  });
});
