import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { E2E_MERCHANT } from "../src/server/test/fakes/paypal-fake-wire.js";
import {
  customerWithInvoice,
  englishContext,
  ok,
  DEMO_PORTAL as PORTAL,
  signInContact,
  signInStaff,
} from "./helpers.js";

// Issue 13: a contact pays an invoice with PayPal. scripts/test-e2e.sh runs the in-repo fake PayPal and
// points the app at it (PAYPAL_API_BASE); staff enter the fake merchant's credentials like real ones.

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
  const created = await customerWithInvoice(page.request, {
    unique,
    name: `PayPal Works ${unique}`,
    email: `pablo.${unique}@paypal.example`,
    description: "PayPal work",
  });

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
