import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  expect,
  type Page,
  test,
} from "@playwright/test";
import { E2E_MERCHANT } from "../src/server/test/fakes/paypal-fake-wire.js";
import { englishContext, signInStaff } from "./helpers.js";

// Issue 13: a contact pays an invoice with PayPal. scripts/test-e2e.sh runs the in-repo fake PayPal and
// points the app at it (PAYPAL_API_BASE); staff enter the fake merchant's credentials like real ones.
const PORTAL = "/p/estudio-nube";

async function ok(res: APIResponse, status = 200) {
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

/**
 * PayPal set up for the demo organisation and its only gateway until `restore` (the portal pays with the
 * first gateway an invoice offers; specs run one at a time).
 */
async function setUpPaypal(request: APIRequestContext) {
  await ok(await request.put("/api/payment-gateways/paypal/credentials", { data: E2E_MERCHANT }));
  await ok(await request.post("/api/payment-gateways/paypal/test", { data: {} }));
  const settings = await ok(await request.get("/api/portal-settings"));
  await ok(
    await request.put("/api/portal-settings", {
      data: { ...settings, options: { ...settings.options, allowPaypal: true } },
    }),
  );
  const { enabled } = await ok(await request.get("/api/payment-gateways"));
  await ok(await request.put("/api/payment-gateways", { data: { enabled: ["paypal"] } }));
  return () => request.put("/api/payment-gateways", { data: { enabled } });
}

/** A customer of its own with a contact who has a password, and one issued invoice of 121.00. */
async function customerWithInvoice(request: APIRequestContext, unique: string) {
  const email = `pablo.${unique}@paypal.example`;
  const password = `amber harbour ${unique} seven`;
  const customer = await ok(
    await request.post("/api/customers", {
      data: {
        kind: "company",
        name: `PayPal Works ${unique}`,
        currency: "EUR",
        paymentTermsDays: 30,
        mayPayByBank: false,
        contacts: [{ name: "Pablo Pagos", email, isPrimary: true }],
      },
    }),
    201,
  );
  await ok(
    await request.post(`/api/customers/${customer.id}/contacts/${customer.contacts[0].id}/portal-access`, {
      data: { mode: "password", password },
    }),
  );
  const draft = await ok(
    await request.post("/api/invoices", {
      data: {
        customerId: customer.id,
        lines: [{ description: "PayPal work", quantityMilli: 1000, unitPriceMinor: 10000 }],
      },
    }),
    201,
  );
  const invoice = await ok(await request.post(`/api/invoices/${draft.id}/issue`, { data: {} }));
  return { email, password, invoice };
}

async function signInContact(portal: Page, email: string, password: string) {
  await portal.goto(`${PORTAL}/login`);
  await portal.getByRole("textbox", { name: "Email" }).fill(email);
  await portal.getByLabel(/^Password/).fill(password);
  await portal.getByRole("button", { name: "Sign in" }).click();
  await expect(portal.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
}

test("a contact pays an invoice with PayPal (the fake) and the invoice is paid", async ({ browser }) => {
  test.setTimeout(120_000);
  const unique = Date.now().toString(36);
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const restore = await setUpPaypal(page.request);
  try {
    await payWithPaypal(browser, page, unique);
  } finally {
    await restore();
  }
});

async function payWithPaypal(browser: Browser, page: Page, unique: string) {
  const created = await customerWithInvoice(page.request, unique);

  const contact = await englishContext(browser);
  const portal = await contact.newPage();
  await signInContact(portal, created.email, created.password);
  await portal.goto(`${PORTAL}/invoices/${created.invoice.id}`);

  await test.step("Pay now leads to PayPal's page, and back to a paid invoice", async () => {
    await portal.getByRole("button", { name: "Pay now" }).click();
    await expect(portal.getByRole("heading", { name: "PayPal (fake)" })).toBeVisible();
    await expect(portal.getByText("Pay 121.00 EUR")).toBeVisible();
    await portal.getByRole("button", { name: "Pay with PayPal" }).click();
    await expect(portal).toHaveURL(new RegExp(`/invoices/${created.invoice.id}\\?payment=succeeded`));
    await expect(portal.getByText("Payment received!")).toBeVisible();
  });

  const after = await ok(await page.request.get(`/api/invoices/${created.invoice.id}`));
  expect(after.status).toBe("paid");
  await contact.close();
}
