import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { STRIPE_FAKE_KEYS } from "../src/server/test/fakes/stripe-fake.js";
import {
  customerWithInvoice,
  englishContext,
  ok,
  DEMO_PORTAL as PORTAL,
  refundPartOfPayment,
  signInContact,
  signInStaff,
} from "./helpers.js";

// Issue 13, Stripe: scripts/test-e2e.sh runs the in-repo Stripe fake and points the app at it
// (STRIPE_API_BASE). Staff register Portico's notification URL at "Stripe" and type its keys in Settings →
// Payments; the contact pays by card on the fake's hosted Checkout page, whose signed
// checkout.session.completed marks the invoice paid; the card saved is in My details; staff refund part
// of the payment and the contact's receipt and statement follow.
const STRIPE = process.env.STRIPE_API_BASE ?? "";

/** What staff do in Stripe's dashboard: a webhook endpoint for Portico's URL; Stripe shows its secret. */
async function registerWebhook(url: string): Promise<string> {
  const events = ["checkout.session.completed", "charge.refunded"];
  const body = new URLSearchParams({ url });
  for (const [i, e] of events.entries()) body.set(`enabled_events[${i}]`, e);
  const res = await fetch(`${STRIPE}/v1/webhook_endpoints`, {
    method: "POST",
    headers: { authorization: `Bearer ${STRIPE_FAKE_KEYS.secretKey}` },
    body,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { secret: string }).secret;
}

async function setUpStripe(page: Page) {
  await page.goto("/app/settings/payments");
  const card = page.getByRole("region", { name: "Stripe (cards and SEPA debit)" });
  const notifyUrl = (await card.locator("code").first().textContent()) ?? "";
  expect(notifyUrl).toMatch(/\/api\/gateways\/stripe\/notify\/[0-9a-f-]{36}$/);
  const webhookSecret = await registerWebhook(notifyUrl);
  await card.getByLabel("secretKey").fill(STRIPE_FAKE_KEYS.secretKey);
  await card.getByLabel("webhookSecret").fill(webhookSecret);
  await card.getByRole("button", { name: "Save keys" }).click();
  await expect(page.getByText("Keys saved")).toBeVisible();
  await card.getByRole("button", { name: "Test the connection" }).click();
  await expect(page.getByText("The connection works")).toBeVisible();
  // Stripe alone while this spec runs (the portal pays with the gateways an invoice offers).
  await ok(await page.request.put("/api/payment-gateways", { data: { enabled: ["stripe"] } }));
}

async function anotherInvoice(request: APIRequestContext, customerId: string) {
  const draft = await ok(
    await request.post("/api/invoices", {
      data: {
        customerId,
        lines: [{ description: "More card work", quantityMilli: 1000, unitPriceMinor: 10000 }],
      },
    }),
    201,
  );
  return ok(await request.post(`/api/invoices/${draft.id}/issue`, { data: {} }));
}

/** The contact pays the invoice by card on Stripe's page, saving the card. */
async function payByCard(portal: Page, invoiceId: string, cardNumber: string) {
  await portal.goto(`${PORTAL}/invoices/${invoiceId}`);
  await portal.getByRole("checkbox", { name: "Save the card for next time" }).check();
  await portal.getByRole("button", { name: "Pay now" }).click();
  await expect(portal.getByRole("heading", { name: "Stripe Checkout (fake)" })).toBeVisible();
  await expect(portal.getByText("Pay 121.00 EUR")).toBeVisible();
  await expect(portal.getByText(/charge your card for future payments/)).toBeVisible();
  await portal.getByLabel("Card number").fill(cardNumber);
  await portal.getByLabel("Expiry").fill("12 / 34");
  await portal.getByLabel("CVC").fill("123");
  await portal.getByRole("button", { name: "Pay" }).click();
  await expect(portal).toHaveURL(new RegExp(`/invoices/${invoiceId}\\?payment=succeeded`));
  await expect(portal.getByText("Payment received!")).toBeVisible();
  await expect(portal.getByRole("table", { name: "Total" })).toContainText(/Amount due\s*€0\.00/, {
    timeout: 15_000,
  });
}

test("a contact pays by card with Stripe, keeps the card, and a refund reaches the receipt and statement", async ({
  browser,
}) => {
  test.skip(!STRIPE, "needs the Stripe fake that scripts/test-e2e.sh starts");
  test.setTimeout(180_000);
  const unique = Date.now().toString(36);
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const { request } = page;
  const before = await ok(await request.get("/api/payment-gateways"));
  const contact = await englishContext(browser);
  try {
    await test.step("staff enter Stripe's test keys in Settings → Payments", () => setUpStripe(page));
    const created = await customerWithInvoice(request, {
      unique,
      name: `Stripe Works ${unique}`,
      email: `sofia.${unique}@stripe.example`,
      description: "Card work",
    });
    const portal = await contact.newPage();
    await signInContact(portal, created.email, created.password);

    await test.step("the contact pays by Visa, saving it: the invoice is paid", async () => {
      await payByCard(portal, created.invoice.id, "4242 4242 4242 4242");
      const after = await ok(await request.get(`/api/invoices/${created.invoice.id}`));
      expect(after.status).toBe("paid");
    });

    const {
      items: [payment],
    } = await ok(await request.get(`/api/payments?customerId=${created.customer.id}`));
    expect(payment).toMatchObject({ gateway: "stripe", amountMinor: 12100, method: "gateway" });

    await test.step("the receipt exists and My details lists the saved Visa", async () => {
      await portal.goto(`${PORTAL}/payments/${payment.id}`);
      await expect(
        portal.getByRole("heading", { level: 1, name: `Receipt ${payment.number}` }),
      ).toBeVisible();
      await portal.goto(`${PORTAL}/account`);
      const saved = portal.getByRole("region", { name: "Saved payment methods" });
      await expect(saved.getByRole("listitem")).toHaveCount(1);
      await expect(saved.getByRole("listitem")).toContainText("Visa ····4242");
      await expect(saved.getByRole("listitem")).toContainText("Default");
    });

    await test.step("a second card: the contact makes it the default, then removes it", async () => {
      const second = await anotherInvoice(request, created.customer.id);
      await payByCard(portal, second.id, "5555 5555 5555 4444");
      await portal.goto(`${PORTAL}/account`);
      const saved = portal.getByRole("region", { name: "Saved payment methods" });
      await expect(saved.getByRole("listitem")).toHaveCount(2);
      const visa = saved.getByRole("listitem").filter({ hasText: "Visa ····4242" });
      const mastercard = saved.getByRole("listitem").filter({ hasText: "Mastercard ····4444" });
      await expect(visa).toContainText("Default");
      await mastercard.getByRole("button", { name: "Make Mastercard ····4444 the default" }).click();
      await expect(portal.getByText("Mastercard ····4444 is now your default method.")).toBeVisible();
      await expect(mastercard).toContainText("Default");
      await expect(visa).not.toContainText("Default");
      await mastercard.getByRole("button", { name: "Remove Mastercard ····4444" }).click();
      await expect(portal.getByText("Mastercard ····4444 was removed.")).toBeVisible();
      await expect(saved.getByRole("listitem")).toHaveCount(1);
      await expect(saved.getByRole("listitem")).toContainText("Visa ····4242");
      await expect(saved.getByRole("listitem")).toContainText("Default");
    });

    await test.step("staff refund 30.00 of the Visa payment from the back office", async () => {
      await refundPartOfPayment(page, `/app/payments/${payment.id}`, "30", "€30.00");
    });

    await test.step("the contact's receipt shows the refund, the statement its line and the new balance", async () => {
      await portal.goto(`${PORTAL}/payments/${payment.id}`);
      await expect(portal.getByRole("table", { name: "Refunds" })).toContainText("€30.00");
      await portal.goto(`${PORTAL}/statement`);
      await expect(portal.getByRole("heading", { level: 1, name: "Statement of account" })).toBeVisible();
      const lines = portal.getByRole("table", { name: /^Movements/ });
      await expect(lines.getByRole("row").filter({ hasText: "Refund" })).toContainText("€30.00");
      await expect(lines.getByRole("row").filter({ hasText: "Closing balance" })).toContainText("€30.00");
    });
  } finally {
    await contact.close();
    await ok(await request.put("/api/payment-gateways", { data: { enabled: before.enabled } }));
  }
});
