import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer, MyDetails } from "../../../shared/contracts/index.js";
import { auditEvents, emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildInvoice } from "../../test/factories.js";
import { pdfText } from "../../test/pdf.js";
import { buildSignedInCustomer, contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";

const { ctx, org } = setUpTestApp("Details Org");
let customer: Customer;
let cookie: string;
let url: string;

const XSS = "<img src=x onerror=alert(1)>";

const body = (over: { customer?: object; contact?: object } = {}) => ({
  customer: {
    legalName: "Details Customer S.L.",
    taxId: "B12345678",
    email: "Billing@Details.Example",
    phone: "+34 900 000 001",
    addressLine1: "Gran Vía 2",
    addressLine2: null,
    city: "Madrid",
    postalCode: "28013",
    region: null,
    country: "ES",
    ...over.customer,
  },
  contact: { name: "Dana Details", phone: "+34 600 123 456", language: "en", ...over.contact },
});

const put = (payload: object, c = cookie) =>
  ctx.app.inject({ method: "PUT", url, headers: { cookie: c }, payload });
const staffCustomer = async (): Promise<Customer> =>
  (await ctx.app.inject({ url: `/api/customers/${customer.id}`, headers: { cookie: org.cookie } })).json();
const rows = <T>(fn: Parameters<typeof withOrg<T>>[2]) => withOrg(ctx.database.db, org.orgId, fn);

beforeAll(async () => {
  url = `/api/portal/${org.slug}/me/details`;
  ({ customer, cookie } = await buildSignedInCustomer(ctx, org, "Details Customer"));
  const me = (await ctx.app.inject({ url: `/api/portal/${org.slug}/me`, headers: { cookie } })).json();
  expect(me.customer.id).toBe(customer.id);
});

describe("My details (E12)", () => {
  test("GET answers the customer's account details and the contact's own", async () => {
    const res = await ctx.app.inject({ url, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const d: MyDetails = res.json();
    expect(d.customer.name).toBe("Details Customer");
    expect(d.contact.email).toMatch(/@example\.com$/);
  });

  test("without a session: 401 UNAUTHENTICATED", async () => {
    expect((await ctx.app.inject({ url })).json().code).toBe("UNAUTHENTICATED");
    expect((await ctx.app.inject({ method: "PUT", url, payload: body() })).statusCode).toBe(401);
  });

  test("saving updates the same rows staff see, notifies staff and records the changed fields", async () => {
    const before = await staffCustomer();
    const res = await put(body());
    expect(res.statusCode).toBe(200);
    const d: MyDetails = res.json();
    expect(d.customer.email).toBe("billing@details.example");
    expect(d.contact.name).toBe("Dana Details");

    const after = await staffCustomer();
    expect(after).toMatchObject({ taxId: "B12345678", addressLine1: "Gran Vía 2", city: "Madrid" });
    expect(after.name).toBe(before.name);
    const contact = after.contacts.find((c) => c.name === "Dana Details");
    expect(contact).toMatchObject({ phone: "+34 600 123 456", language: "en" });

    const list = (
      await ctx.app.inject({ url: "/api/notifications", headers: { cookie: org.cookie } })
    ).json();
    const n = list.items.find((i: { type: string }) => i.type === "customer_details_updated");
    expect(n.data.fields).toContain("customer.taxId");
    expect(n.data.fields).toContain("contact.name");

    const events = await rows((tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.action, "details_updated")),
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.customerId).toBe(customer.id);
    expect(String(events[0]?.details.fields)).toContain("customer.addressLine1");
    expect(String(events[0]?.details.fields)).not.toContain("Gran Vía");

    // customer_details_updated emails by default (C5).
    const mail = await rows((tx) => tx.select().from(emails).where(eq(emails.kind, "staff_notification")));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.textBody).toContain(`https://portico.test/app/customers/${customer.id}`);
    expect(mail[0]?.textBody).toContain("NIF");
  });

  test("saving the same values again records and notifies nothing", async () => {
    await put(body());
    const events = await rows((tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.action, "details_updated")),
    );
    expect(events).toHaveLength(1);
  });

  test("invalid input answers 400 naming each field and changes nothing", async () => {
    const res = await put(
      body({ customer: { email: "not-an-email", country: "Spain" }, contact: { name: "  " } }),
    );
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(["body.customer.email", "body.customer.country", "body.contact.name"]),
    );
    expect((await staffCustomer()).email).toBe("billing@details.example");
  });

  test("the contact's own email is not changeable here (ignored, stays as staff set it)", async () => {
    const before = (await ctx.app.inject({ url, headers: { cookie } })).json().contact.email;
    const res = await put(body({ contact: { email: "attacker@evil.example" } }));
    expect(res.statusCode).toBe(200);
    expect(res.json().contact.email).toBe(before);
  });

  test("a staff preview may read but not save: 403 PREVIEW_READ_ONLY", async () => {
    const preview = await contactSessionCookie(ctx, org, customer, "preview");
    expect((await ctx.app.inject({ url, headers: { cookie: preview } })).statusCode).toBe(200);
    const res = await put(body({ contact: { name: "Changed by preview" } }), preview);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("PREVIEW_READ_ONLY");
  });

  test("untrusted text stays inert: escaped in the staff email, literal text in the PDF", async () => {
    const res = await put(body({ customer: { addressLine1: XSS }, contact: { name: XSS } }));
    expect(res.statusCode).toBe(200);
    expect(res.json().contact.name).toBe(XSS);

    const mail = await rows((tx) => tx.select().from(emails).where(eq(emails.kind, "staff_notification")));
    const last = mail.find((m) => m.textBody.includes(XSS));
    expect(last).toBeDefined();
    expect(last?.htmlBody).not.toContain("<img");
    expect(last?.htmlBody).toContain("&lt;img src=x onerror=alert(1)&gt;");

    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const pdf = await ctx.app.inject({
      url: `/api/invoices/${invoice.id}/pdf`,
      headers: { cookie: org.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(await pdfText(pdf.rawPayload)).toContain(XSS);
  });
});
