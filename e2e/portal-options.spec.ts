import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { englishContext, signInStaff } from "./helpers.js";

// C4 options change what the portal shows (and the API, tested in modules/organisation), and text a
// customer wrote stays inert text in both apps. Runs on the demo organisation, whose profile has an
// address, phones and a bank account; every option is switched back on at the end.
const PORTAL = "/p/estudio-nube";
const CONTACT = { email: "laura@acme.example", password: "acme-portal-demo-2026" };
const SWITCHES = ["Show company address", "Show phone numbers", "Show social networks", "Show bank account"];
const SOCIAL = "https://social.example/estudio-nube";

async function setSwitches(page: Page, on: boolean) {
  await page.goto("/app/settings/portal");
  for (const label of SWITCHES) {
    const control = page.getByRole("switch", { name: label });
    if ((await control.isChecked()) !== on) await control.click({ force: true });
    if (on) await expect(control).toBeChecked();
    else await expect(control).not.toBeChecked();
  }
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();
}

async function addSocialLink(request: APIRequestContext) {
  const profile = await (await request.get("/api/organisation")).json();
  const { id: _id, logoUrl: _logo, ...body } = profile;
  const res = await request.put("/api/organisation", { data: { ...body, socialLinks: [SOCIAL] } });
  expect(res.status(), await res.text()).toBe(200);
}

async function openAnInvoice(portal: Page) {
  await portal.goto(`${PORTAL}/invoices`);
  await portal
    .getByRole("link", { name: /^F\d{4}-/ })
    .first()
    .click();
  await expect(portal.getByRole("heading", { level: 1, name: /^Invoice F/ })).toBeVisible();
}

test("the portal's address, phones, social links and bank account follow the C4 switches", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  await addSocialLink(page.request);

  const contact = await englishContext(browser);
  const portal = await contact.newPage();
  await portal.goto(`${PORTAL}/login`);
  await portal.getByRole("textbox", { name: "Email" }).fill(CONTACT.email);
  await portal.getByLabel(/^Password/).fill(CONTACT.password);
  await portal.getByRole("button", { name: "Sign in" }).click();
  await expect(portal.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();

  await test.step("switched off, the portal shows none of them", async () => {
    await setSwitches(page, false);
    await portal.goto(`${PORTAL}/account`);
    const block = portal.getByRole("region", { name: "Contact Estudio Nube" });
    await expect(block).toContainText("hola@estudionube.example");
    await expect(block).not.toContainText("Calle de la Peña");
    await expect(block).not.toContainText("+34 910 000 000");
    await expect(block).not.toContainText(SOCIAL);
    await openAnInvoice(portal);
    await expect(portal.getByRole("region", { name: "Pay by bank transfer" })).toHaveCount(0);
  });

  await test.step("switched on, the portal shows each of them", async () => {
    await setSwitches(page, true);
    await portal.goto(`${PORTAL}/account`);
    const block = portal.getByRole("region", { name: "Contact Estudio Nube" });
    await expect(block).toContainText("Calle de la Peña, 12");
    await expect(block).toContainText("+34 910 000 000");
    await expect(block).toContainText(SOCIAL);
    await openAnInvoice(portal);
    await expect(portal.getByRole("region", { name: "Pay by bank transfer" })).toContainText(
      "ES91 2100 0418 4502 0005 1332",
    );
  });

  await contact.close();
  await staff.close();
});

test("settings show every portal option, and every email notice with its description", async ({
  browser,
}) => {
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  await page.goto("/app/settings/portal");
  await expect(page.getByRole("switch", { name: "Show sales orders" })).toBeVisible();
  // PayPal is built since issue 13: its switch is offered.
  await expect(page.getByRole("switch", { name: "Allow PayPal" })).toBeVisible();
  // Projects and timesheets are built since issue 15.
  await expect(page.getByRole("switch", { name: "Show projects and timesheets" })).toBeVisible();
  // Messages and appointments are built since issue 16: every C4 option is offered now.
  for (const built of ["Contacts may send messages", "Allow booking appointments"])
    await expect(page.getByRole("switch", { name: built })).toBeVisible();
  await expect(page.getByText("Coming soon")).toHaveCount(0);

  await page.goto("/app/settings/notifications");
  // Twenty events for the organisation. The demo organisation has its own inbox, so a member has no
  // notices of their own to mute (they would be under "My email notices").
  await expect(page.getByRole("switch")).toHaveCount(20);
  await expect(page.getByRole("group", { name: "My email notices" }).getByRole("switch")).toHaveCount(0);
  await expect(page.getByRole("switch", { name: "A customer sends a message" }).first()).toBeVisible();
  await expect(page.getByRole("switch", { name: "A customer books an appointment" }).first()).toBeVisible();
  await expect(page.getByRole("switch", { name: "A customer rejects a timesheet" }).first()).toBeVisible();
  await expect(
    page.getByRole("switch", { name: "A customer disputes a payment at the provider" }).first(),
  ).toBeVisible();
  await expect(page.getByRole("switch", { name: "A customer accepts a quote" }).first()).toBeVisible();
  await expect(
    page.getByRole("switch", { name: "A customer opens a sales order for the first time" }).first(),
  ).toBeVisible();
  await expect(page.getByText("When a contact writes a comment on a quote or an invoice.")).toBeVisible();
  await staff.close();
});

test("text a customer wrote is shown as text in the back office and in a staff preview of the portal", async ({
  browser,
}) => {
  const name = `<img src=x onerror="window.__xss=1">Bold & Co ${Date.now().toString(36)}`;
  const contactName = `<script>window.__xss=2</script>Eve`;
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const created = await page.request.post("/api/customers", {
    data: {
      kind: "company",
      name,
      currency: "EUR",
      contacts: [{ name: contactName, email: `eve.${Date.now()}@xss.example`, isPrimary: true }],
    },
  });
  expect(created.status()).toBe(201);
  const customer = (await created.json()) as { id: string; contacts: { id: string }[] };

  await page.goto(`/app/customers/${customer.id}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText(contactName).first()).toBeVisible();
  // One indicator of portal access (issue 10): the access panel's badge, no "Yes" column beside it.
  const contactsTable = page.getByRole("region", { name: "Contact persons" });
  await expect(contactsTable.getByRole("columnheader", { name: "Email" })).toBeVisible();
  await expect(contactsTable.getByRole("columnheader", { name: "Portal access" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Portal access" })).toContainText("No access");

  const preview = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Preview portal" }).first().click();
  const portal = await preview;
  await expect(portal.getByText("Preview as <script>window.__xss=2</script>Eve — read-only")).toBeVisible();
  await expect(portal.getByText(`Signed in as ${contactName}`, { exact: false })).toBeVisible();
  for (const p of [page, portal])
    expect(await p.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await staff.close();
});
