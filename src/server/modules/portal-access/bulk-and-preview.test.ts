import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BulkInviteReport, ContactPortalAccess, Customer } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { contactSessions, emails, organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, buildInvoice, buildOrg, cookieHeader, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;
let org: TestOrg;
let otherOrg: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Bulk Org");
  otherOrg = await buildOrg(ctx, "Other Bulk Org");
});
afterAll(() => ctx.close());

const post = (o: TestOrg, url: string, payload: object = {}) =>
  ctx.app.inject({ method: "POST", url, headers: { cookie: o.cookie }, payload });
const bulk = (o: TestOrg, customerIds: unknown) => post(o, "/api/portal-access/bulk", { customerIds });
const invitationCount = async (o: TestOrg) =>
  (
    await withOrg(ctx.database.db, o.orgId, (tx) =>
      tx.select({ id: emails.id }).from(emails).where(eq(emails.kind, "invitation")),
    )
  ).length;

async function customerWith(name: string, contacts: object[]): Promise<Customer> {
  const res = await post(org, "/api/customers", { name, contacts });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe("bulk enable (D2)", () => {
  test("invites every contact with an email and no access, and reports everyone else with a reason", async () => {
    const ready = await buildCustomer(ctx, org, "Ready");
    const mixed = await customerWith("Mixed", [
      { name: "Has Mail", email: "has-mail@example.com", isPrimary: true },
      { name: "No Mail" },
      { name: "Active One", email: "active-one@example.com" },
      { name: "Off One", email: "off-one@example.com" },
    ]);
    const empty = await customerWith("Empty", []);
    // Contacts created together share a timestamp, so their order is not fixed: find them by name.
    const named = (name: string) => mixed.contacts.find((c) => c.name === name);
    const [noMail, active, off] = [named("No Mail"), named("Active One"), named("Off One")];
    await post(org, `/api/customers/${mixed.id}/contacts/${active?.id}/portal-access`, {
      mode: "password",
      password: "a perfectly fine passphrase",
    });
    await ctx.app.inject({
      method: "DELETE",
      url: `/api/customers/${mixed.id}/contacts/${off?.id}/portal-access`,
      headers: { cookie: org.cookie },
    });

    const before = await invitationCount(org);
    const res = await bulk(org, [ready.id, mixed.id, empty.id, ready.id]);
    expect(res.statusCode).toBe(200);
    const report = res.json() as BulkInviteReport;
    expect(report.invited.map((i) => i.email).sort()).toEqual(
      [...ready.contacts.map((c) => c.email), "has-mail@example.com"].sort(),
    );
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        {
          customerId: mixed.id,
          customerName: "Mixed",
          contactId: noMail?.id,
          contactName: "No Mail",
          reason: "no_email",
        },
        {
          customerId: mixed.id,
          customerName: "Mixed",
          contactId: active?.id,
          contactName: "Active One",
          reason: "already_enabled",
        },
        {
          customerId: mixed.id,
          customerName: "Mixed",
          contactId: off?.id,
          contactName: "Off One",
          reason: "disabled",
        },
        {
          customerId: empty.id,
          customerName: "Empty",
          contactId: null,
          contactName: null,
          reason: "no_contacts",
        },
      ]),
    );
    expect(report.skipped).toHaveLength(4);
    expect(await invitationCount(org)).toBe(before + 3);

    // Running it again invites nobody twice.
    const again = (await bulk(org, [ready.id])).json() as BulkInviteReport;
    expect(again.invited).toHaveLength(0);
    expect(again.skipped.map((s) => s.reason)).toEqual(["already_enabled", "already_enabled"]);
  });

  test("an unknown or other organisation's customer fails the whole request with 404 and sends nothing", async () => {
    const mine = await buildCustomer(ctx, org, "Mine Bulk");
    const theirs = await buildCustomer(ctx, otherOrg, "Theirs Bulk");
    const before = await invitationCount(org);
    for (const ids of [
      [mine.id, theirs.id],
      [mine.id, crypto.randomUUID()],
    ]) {
      const res = await bulk(org, ids);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
    expect(await invitationCount(org)).toBe(before);
    expect(await invitationCount(otherOrg)).toBe(0);
    const access = await ctx.app.inject({
      url: `/api/customers/${mine.id}/portal-access`,
      headers: { cookie: org.cookie },
    });
    expect((access.json() as ContactPortalAccess[]).map((a) => a.status)).toEqual(["none", "none"]);
  });

  test.each([
    ["an empty list", []],
    ["more than 500", Array.from({ length: 501 }, () => crypto.randomUUID())],
    ["a non-uuid", ["nope"]],
  ])("refuses %s with 400 naming customerIds", async (_what, ids) => {
    const res = await bulk(org, ids);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("VALIDATION_FAILED");
    expect(res.json().errors[0].field).toMatch(/^body\.customerIds/);
  });
});

describe("preview as a contact (C6)", () => {
  const previewUrl = (c: Customer, contactId = c.contacts[0]?.id) =>
    `/api/customers/${c.id}/contacts/${contactId}/preview`;

  test("opens a read-only contact session: /me says preview, writes answer PREVIEW_READ_ONLY", async () => {
    const customer = await buildCustomer(ctx, org, "Preview Customer");
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const res = await post(org, previewUrl(customer));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ url: `/p/${org.slug}/` });
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(new RegExp(`^__Host-portico_portal_${org.orgId.replaceAll("-", "")}=`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Max-Age=3600/);
    const cookie = cookieHeader(res.headers["set-cookie"]);

    const me = await ctx.app.inject({ url: `/api/portal/${org.slug}/me`, headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ preview: true, contact: { id: customer.contacts[0]?.id } });

    const pay = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/invoices/${invoice.id}/pay`,
      headers: { cookie },
      payload: { idempotencyKey: "preview-attempt-1" },
    });
    expect(pay.statusCode).toBe(403);
    expect(pay.json().code).toBe("PREVIEW_READ_ONLY");

    const [session] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(contactSessions).where(eq(contactSessions.origin, "preview")),
    );
    expect(session?.previewUserId).not.toBeNull();
    expect(session?.expiresAt.getTime()).toBeLessThanOrEqual(clock.nowMs() + 3600_000);

    // A preview is not the contact signing in.
    const access = await ctx.app.inject({
      url: `/api/customers/${customer.id}/portal-access`,
      headers: { cookie: org.cookie },
    });
    expect((access.json() as ContactPortalAccess[])[0]?.lastSignInAt).toBeNull();
  });

  test("refuses a disabled contact (PORTAL_ACCESS_DISABLED) and a switched-off portal (PORTAL_DISABLED)", async () => {
    const customer = await buildCustomer(ctx, org, "Preview Refusals");
    await ctx.app.inject({
      method: "DELETE",
      url: `/api/customers/${customer.id}/contacts/${customer.contacts[1]?.id}/portal-access`,
      headers: { cookie: org.cookie },
    });
    const disabled = await post(org, previewUrl(customer, customer.contacts[1]?.id));
    expect(disabled.statusCode).toBe(409);
    expect(disabled.json().code).toBe("PORTAL_ACCESS_DISABLED");
    expect(disabled.headers["set-cookie"]).toBeUndefined();

    const off = await buildOrg(ctx, "Portal Off Org");
    await withOrg(ctx.database.db, off.orgId, (tx) =>
      tx.update(organisations).set({ portalEnabled: false }).where(eq(organisations.id, off.orgId)),
    );
    const offCustomer = await buildCustomer(ctx, off, "Off Customer");
    const res = await post(off, previewUrl(offCustomer));
    expect(res.json().code).toBe("PORTAL_DISABLED");
  });
});
