import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
} from "@playwright/test";

export const DEMO = { email: "demo@portico.local", password: "portico-demo-2026" };

/** A context whose two apps speak English (both remember a language picked in the header). */
export async function englishContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context: BrowserContext = await browser.newContext({ locale: "en-GB", ...options });
  await context.addInitScript(() => {
    localStorage.setItem("portico.admin.lang", "en");
    localStorage.setItem("portico.portal.lang", "en");
  });
  return context;
}

export async function signInStaff(page: Page) {
  await page.goto("/app/login");
  await page.getByRole("textbox", { name: "Email" }).fill(DEMO.email);
  await page.getByRole("textbox", { name: "Password" }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Hello/ })).toBeVisible();
}

/** Opens the newest outbox email sent to `to` and returns the first link of its text version matching `pattern`. */
export async function linkFromOutbox(page: Page, to: string, pattern: RegExp): Promise<string> {
  await page.goto("/app/outbox");
  const row = page.getByRole("row").filter({ hasText: to }).first();
  await expect(row).toBeVisible();
  await row.getByRole("link").first().click();
  const text = await page.getByRole("region", { name: "Text version" }).textContent();
  const link = pattern.exec(text ?? "")?.[0] ?? "";
  expect(link, `an email to ${to} carries a link like ${pattern}`).not.toBe("");
  return link;
}

/**
 * A new organisation and its owner, signed up through the public API (the sign-up page itself is
 * signup.spec.ts's journey); the context's cookie jar holds the owner's session.
 */
export async function signUpOwner(page: Page, label: string) {
  const unique = `${label}-${Date.now().toString(36)}`;
  const owner = {
    email: `owner.${unique}@e2e.example`,
    password: `quartz harbour ${unique} violet`,
    slug: `org-${unique}`,
    organisationName: `Org ${unique}`,
  };
  const res = await page.request.post("/api/signup", {
    data: {
      organisationName: owner.organisationName,
      slug: owner.slug,
      country: "ES",
      currency: "EUR",
      language: "en",
      timeZone: "Europe/Madrid",
      name: `Owner ${label}`,
      email: owner.email,
      password: owner.password,
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return owner;
}

/** The demo organisation's portal. */
export const DEMO_PORTAL = "/p/estudio-nube";

/** The JSON of an API answer, after checking its status (the body is the failure message). */
export async function ok(res: APIResponse, status = 200) {
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

/**
 * A customer of its own (`name`, EUR, 30 days) with one contact who has a password, and one issued
 * invoice of 121.00 (100.00 + VAT) with one line `description`. Staff's request context.
 */
export async function customerWithInvoice(
  request: APIRequestContext,
  input: { unique: string; name: string; email: string; description: string },
) {
  const { email } = input;
  const password = `amber harbour ${input.unique} seven`;
  const customer = await ok(
    await request.post("/api/customers", {
      data: {
        kind: "company",
        name: input.name,
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
        lines: [{ description: input.description, quantityMilli: 1000, unitPriceMinor: 10000 }],
      },
    }),
    201,
  );
  const invoice = await ok(await request.post(`/api/invoices/${draft.id}/issue`, { data: {} }));
  return { email, password, customer, invoice };
}

/** Signs a contact in to the demo portal with a password. */
export async function signInContact(portal: Page, email: string, password: string) {
  await portal.goto(`${DEMO_PORTAL}/login`);
  await portal.getByRole("textbox", { name: "Email" }).fill(email);
  await portal.getByLabel(/^Password/).fill(password);
  await portal.getByRole("button", { name: "Sign in" }).click();
  await expect(portal.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
}

/** Staff refund part of a payment from its page (`paymentUrl`) and see the refund listed. */
export async function refundPartOfPayment(page: Page, paymentUrl: string, amount: string, shown: string) {
  await page.goto(paymentUrl);
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Refund part of payment/ });
  await dialog.getByRole("textbox", { name: "Amount to refund" }).fill(amount);
  await dialog.getByRole("button", { name: "Record refund" }).click();
  await expect(page.getByText("Refund recorded")).toBeVisible();
  await expect(page.getByRole("table", { name: "Refunds" })).toContainText(shown);
}
