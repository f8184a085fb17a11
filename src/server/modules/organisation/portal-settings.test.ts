import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import {
  DEFAULT_NOTIFICATION_PREFS,
  DEFAULT_PORTAL_OPTIONS,
  type PortalInvoiceDetail,
  type PortalMe,
  type PortalOptions,
  type PortalSettingsResponse,
} from "../../../shared/contracts/index.js";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  openLink,
  sendInvoiceLinks,
  type TestOrg,
} from "../../test/factories.js";
import { buildSignedInCustomer, setUpTestApp } from "../../test/scenarios.js";

const { ctx, org } = setUpTestApp("Settings Org");
let contactCookie: string;
let invoiceId: string;

const staff = (method: "GET" | "PUT", url: string, payload?: object, o: TestOrg = org) =>
  ctx.app.inject({ method, url, headers: { cookie: o.cookie }, ...(payload ? { payload } : {}) });
const asContact = (url: string) => ctx.app.inject({ url, headers: { cookie: contactCookie } });

async function settings(o: TestOrg = org): Promise<PortalSettingsResponse> {
  const res = await staff("GET", "/api/portal-settings", undefined, o);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function putSettings(change: Record<string, unknown>, o: TestOrg = org) {
  const { portalUrl: _u, ...current } = await settings(o);
  return staff("PUT", "/api/portal-settings", { ...current, ...change }, o);
}

async function setOptions(options: Partial<PortalOptions>) {
  const res = await putSettings({ options });
  expect(res.statusCode).toBe(200);
}

beforeAll(async () => {
  const profile = (await staff("GET", "/api/organisation")).json();
  const res = await staff("PUT", "/api/organisation", {
    ...profile,
    addressLine1: "Calle Mayor 1",
    city: "Madrid",
    postalCode: "28001",
    phone: "+34 600 000 000",
    mobile: "+34 611 111 111",
    socialLinks: ["https://social.example/settings-org"],
    iban: "ES91 2100 0418 4502 0005 1332",
    bic: "CAIXESBBXXX",
  });
  expect(res.statusCode).toBe(200);
  const signedIn = await buildSignedInCustomer(ctx, org, "Options Customer");
  invoiceId = signedIn.invoice.id;
  contactCookie = signedIn.cookie;
});

/** Sends the invoice and returns one of the links emailed for it (not earlier invoices' links). */
async function sendFreshLink(id: string): Promise<string> {
  const [link] = (await sendInvoiceLinks(ctx, org, id)).values();
  if (!link) throw new Error("no fresh link");
  return link;
}

describe("portal settings (C1–C5)", () => {
  test("GET answers every option and preference with its default when nothing is stored", async () => {
    const s = await settings();
    expect(s.options).toEqual(DEFAULT_PORTAL_OPTIONS);
    expect(s.notificationPrefs).toEqual(DEFAULT_NOTIFICATION_PREFS);
  });

  test("a new organisation does not allow messages (E10 is not built yet)", async () => {
    const fresh = await buildOrg(ctx, "Fresh Org");
    expect((await settings(fresh)).options.allowMessages).toBe(false);
    expect(DEFAULT_PORTAL_OPTIONS.allowMessages).toBe(false);
  });

  test("PUT merges partial options and preferences over what is stored", async () => {
    let res = await putSettings({
      options: { showProjects: true },
      notificationPrefs: { invoice_viewed: true },
    });
    expect(res.statusCode).toBe(200);
    res = await putSettings({ options: { allowAppointments: true } });
    const s: PortalSettingsResponse = res.json();
    expect(s.options).toEqual({ ...DEFAULT_PORTAL_OPTIONS, showProjects: true, allowAppointments: true });
    expect(s.notificationPrefs.invoice_viewed).toBe(true);
    await putSettings({
      options: { showProjects: false, allowAppointments: false },
      notificationPrefs: { invoice_viewed: false },
    });
  });

  test("a body without options (an older client) changes no option", async () => {
    await setOptions({ showSocial: false });
    const res = await staff("PUT", "/api/portal-settings", {
      portalEnabled: true,
      portalSlug: org.slug,
      deliveryMode: "both",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().options.showSocial).toBe(false);
    await setOptions({ showSocial: true });
  });

  test("an option that is not a boolean answers 400 naming the field and changes nothing", async () => {
    const res = await putSettings({ options: { showPhones: "no" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(res.json().errors)).toContain("showPhones");
    expect((await settings()).options.showPhones).toBe(true);
  });

  test("another organisation's settings are untouched by this one's changes", async () => {
    const other = await buildOrg(ctx, "Untouched Org");
    await setOptions({ showAddress: false });
    expect((await settings(other)).options.showAddress).toBe(true);
    await setOptions({ showAddress: true });
  });
});

describe("C4 options change what the portal API returns", () => {
  const me = async (): Promise<PortalMe> => {
    const res = await asContact(`/api/portal/${org.slug}/me`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const detail = async (): Promise<PortalInvoiceDetail> => {
    const res = await asContact(`/api/portal/${org.slug}/invoices/${invoiceId}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  test("showAddress", async () => {
    expect((await me()).org.address).toMatchObject({ line1: "Calle Mayor 1", city: "Madrid" });
    await setOptions({ showAddress: false });
    const off = await me();
    expect(off.org.address).toBeNull();
    expect(JSON.stringify(off)).not.toContain("Calle Mayor");
    await setOptions({ showAddress: true });
  });

  test("showPhones", async () => {
    expect((await me()).org).toMatchObject({ phone: "+34 600 000 000", mobile: "+34 611 111 111" });
    await setOptions({ showPhones: false });
    const off = await me();
    expect(off.org).toMatchObject({ phone: null, mobile: null });
    expect(JSON.stringify(off)).not.toContain("600 000 000");
    await setOptions({ showPhones: true });
  });

  test("showSocial", async () => {
    expect((await me()).org.socialLinks).toEqual(["https://social.example/settings-org"]);
    await setOptions({ showSocial: false });
    expect((await me()).org.socialLinks).toEqual([]);
    await setOptions({ showSocial: true });
  });

  test("showBankAccount: the invoice's transfer instructions disappear", async () => {
    expect((await detail()).bankTransfer?.iban).toBe("ES9121000418450200051332");
    await setOptions({ showBankAccount: false });
    const off = await detail();
    expect(off.bankTransfer).toBeNull();
    expect(JSON.stringify(off)).not.toContain("ES9121000418450200051332");
    await setOptions({ showBankAccount: true });
  });

  test("allowPaypal: stored and passed to the portal as /me.features (issue 13: the gateway exists)", async () => {
    await setOptions({ allowPaypal: true });
    expect((await settings()).options.allowPaypal).toBe(true);
    expect((await me()).features.allowPaypal).toBe(true);
    await setOptions({ allowPaypal: false });
    expect((await me()).features.allowPaypal).toBe(false);
  });

  test.each([
    "allowMessages",
    "allowQuoteAcceptance",
    "showSalesOrders",
    "showProjects",
    "allowAppointments",
  ] as const)("%s (feature not built yet) is passed to the portal as /me.features", async (key) => {
    const initial = DEFAULT_PORTAL_OPTIONS[key];
    await setOptions({ [key]: !initial });
    expect((await me()).features[key]).toBe(!initial);
    await setOptions({ [key]: initial });
    expect((await me()).features[key]).toBe(initial);
  });
});

describe("C5 notification preferences", () => {
  const staffEmails = () =>
    withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(emails).where(eq(emails.kind, "staff_notification")),
    );

  async function openFreshInvoice(): Promise<void> {
    const customer = await buildCustomer(ctx, org, "Prefs Customer");
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const link = await sendFreshLink(invoice.id);
    const opened = await openLink(ctx, link);
    const res = await ctx.app.inject({
      url: `/api/portal/${org.slug}/invoices/${invoice.id}`,
      headers: { cookie: opened.cookie },
    });
    expect(res.statusCode).toBe(200);
  }

  test("invoice_viewed off (the default): the notification is written, no email", async () => {
    const before = (await staffEmails()).length;
    await openFreshInvoice();
    expect((await staffEmails()).length).toBe(before);
    const list = (await staff("GET", "/api/notifications")).json();
    expect(list.items.some((n: { type: string }) => n.type === "invoice_viewed")).toBe(true);
  });

  test("invoice_viewed on: one email to the owner (the organisation has no email address)", async () => {
    await putSettings({ notificationPrefs: { invoice_viewed: true } });
    const before = await staffEmails();
    await openFreshInvoice();
    const fresh = (await staffEmails()).filter((e) => !before.some((b) => b.id === e.id));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.toAddress).toBe(org.email);
    expect(fresh[0]?.subject).toContain("Prefs Customer");
    expect(fresh[0]?.textBody).toContain("https://portico.test/app/invoices/");
    await putSettings({ notificationPrefs: { invoice_viewed: false } });
  });

  test("with an organisation email, the email goes there instead of to each owner", async () => {
    const profile = (await staff("GET", "/api/organisation")).json();
    expect(
      (await staff("PUT", "/api/organisation", { ...profile, email: "office@settings.example" })).statusCode,
    ).toBe(200);
    await putSettings({ notificationPrefs: { invoice_viewed: true } });
    const before = await staffEmails();
    await openFreshInvoice();
    const fresh = (await staffEmails()).filter((e) => !before.some((b) => b.id === e.id));
    expect(fresh.map((e) => e.toAddress)).toEqual(["office@settings.example"]);
    await putSettings({ notificationPrefs: { invoice_viewed: false } });
  });

  /** Pays a fresh invoice through the sandbox gateway; answers the staff emails it caused. */
  async function payFreshInvoice(key: string) {
    const customer = await buildCustomer(ctx, org, "Paying Customer");
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const { cookie } = await openLink(ctx, await sendFreshLink(invoice.id));
    const before = await staffEmails();
    const pay = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/invoices/${invoice.id}/pay`,
      headers: { cookie },
      payload: { idempotencyKey: key },
    });
    expect(pay.statusCode).toBe(200);
    const done = await ctx.app.inject({
      method: "POST",
      url: String(pay.json().checkoutUrl).replace("https://portico.test", ""),
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: "action=succeeded",
    });
    expect(done.statusCode).toBe(303);
    // The gateway's signed return confirms the payment.
    await ctx.app.inject({ url: String(done.headers.location).replace("https://portico.test", "") });
    return (await staffEmails()).filter((e) => !before.some((b) => b.id === e.id));
  }

  test("payment_received on (the default): one email; off: none", async () => {
    const on = await payFreshInvoice("prefs-pay-on-0001");
    expect(on).toHaveLength(1);
    expect(on[0]?.subject).toContain("Paying Customer");
    await putSettings({ notificationPrefs: { payment_received: false } });
    expect(await payFreshInvoice("prefs-pay-off-0001")).toHaveLength(0);
    await putSettings({ notificationPrefs: { payment_received: true } });
  });
});
