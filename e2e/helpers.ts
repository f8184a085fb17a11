import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";

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
