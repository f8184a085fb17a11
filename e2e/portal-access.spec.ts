import { expect, type Page, test } from "@playwright/test";
import { englishContext, linkFromOutbox, signInStaff } from "./helpers.js";

// Issue 3's journey: staff enable a contact by invitation; the contact accepts it from the emailed
// link, sets a password, signs out and in, changes the password; staff disable the contact and the
// contact's open session ends.
async function createCustomer(page: Page, name: string, email: string): Promise<string> {
  const res = await page.request.post("/api/customers", {
    data: {
      kind: "company",
      name,
      currency: "EUR",
      paymentTermsDays: 30,
      mayPayByBank: false,
      contacts: [{ name: "Lucía Acceso", email, isPrimary: true }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function signInContact(portal: Page, slugUrl: string, email: string, password: string) {
  await portal.goto(`${slugUrl}/login`);
  await portal.getByRole("textbox", { name: "Email" }).fill(email);
  await portal.getByLabel(/^Password/).fill(password);
  await portal.getByRole("button", { name: "Sign in" }).click();
  await expect(portal.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
}

test("staff invite a contact, who sets, uses and changes a password, until staff disable access", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const unique = Date.now().toString(36);
  const customerName = `Access Labs ${unique}`;
  const email = `lucia.${unique}@access.example`;
  const firstPassword = `tangerine orbit ${unique} seven`;
  const secondPassword = `violet harbour ${unique} ninety`;

  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const customerId = await createCustomer(page, customerName, email);

  await test.step("staff enable the contact by invitation", async () => {
    await page.goto(`/app/customers/${customerId}`);
    await page.getByRole("button", { name: "Enable portal access" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Send an invitation").click();
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Invited", { exact: true })).toBeVisible();
  });

  const invitation = await linkFromOutbox(page, email, /https?:\/\/\S+\/p\/[^/\s]+\/invitation\/[\w-]+/);
  const portalUrl = invitation.replace(/\/invitation\/.*$/, "");

  const contact = await englishContext(browser);
  const portal = await contact.newPage();
  await test.step("the contact accepts the invitation and sets a password", async () => {
    await portal.goto(invitation);
    await expect(portal.getByText(email)).toBeVisible();
    await portal.getByLabel("New password").fill(firstPassword);
    await portal.getByLabel("Confirm password").fill(firstPassword);
    await portal.getByRole("button", { name: "Set password" }).click();
    await expect(portal.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
    await expect(portal.getByText("Signed in as Lucía Acceso")).toBeVisible();
  });

  await test.step("signs out and signs in again", async () => {
    await portal.getByRole("button", { name: /Sign out/ }).click();
    await signInContact(portal, portalUrl, email, firstPassword);
  });

  await test.step("changes the password, and only the new one works", async () => {
    await portal.goto(`${portalUrl}/account/password`);
    await portal.getByLabel("Current password").fill(firstPassword);
    await portal.getByLabel("New password").fill(secondPassword);
    await portal.getByLabel("Confirm password").fill(secondPassword);
    await portal.getByRole("button", { name: "Change password" }).click();
    await expect(portal.getByText(/password (was|has been) changed/i)).toBeVisible();
    await portal.getByRole("button", { name: /Sign out/ }).click();
    await portal.goto(`${portalUrl}/login`);
    await portal.getByRole("textbox", { name: "Email" }).fill(email);
    await portal.getByLabel(/^Password/).fill(firstPassword);
    await portal.getByRole("button", { name: "Sign in" }).click();
    await expect(portal.getByRole("alert")).toContainText(/wrong email or password/i);
    await signInContact(portal, portalUrl, email, secondPassword);
  });

  await test.step("staff disable access and the contact's open session ends", async () => {
    await page.goto(`/app/customers/${customerId}`);
    await page.getByRole("button", { name: "Disable access" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disable access" }).click();
    await expect(page.getByText("Disabled", { exact: true })).toBeVisible();
    await portal.goto(`${portalUrl}/invoices`);
    await expect(portal.getByRole("button", { name: "Sign in" })).toBeVisible();
  });

  await contact.close();
  await staff.close();
});
