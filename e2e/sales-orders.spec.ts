import { expect, test } from "@playwright/test";
import { englishContext, linkFromOutbox, signInStaff } from "./helpers.js";

// A7 + E5: staff order, confirm, invoice part of it and send the order; the contact opens the emailed
// link and sees the order with the invoice that fulfilled it.
test("staff invoice part of a sales order; the contact follows it in the portal @phone", async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const phone = info.project.name.includes("phone");
  const reference = `PO-${Date.now().toString(36)}`;
  const staff = await englishContext(browser, phone ? { viewport: { width: 375, height: 812 } } : {});
  const page = await staff.newPage();
  await signInStaff(page);

  await test.step("create a draft sales order", async () => {
    await page.goto("/app/sales-orders");
    await expect(page.getByRole("heading", { level: 1, name: "Sales orders" })).toBeVisible();
    await page.getByRole("link", { name: "New sales order" }).first().click();
    await page.getByRole("combobox", { name: "Customer", exact: true }).fill("Acme");
    await page.getByRole("option", { name: /Acme/ }).click();
    await page.getByRole("textbox", { name: "Customer reference" }).fill(reference);
    await page.getByRole("textbox", { name: "Description (line 1)" }).fill("Office chairs");
    await page.getByRole("textbox", { name: "Quantity (line 1)" }).fill("10");
    await page.getByRole("textbox", { name: "Unit price (line 1)" }).fill("45");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Draft sales order" })).toBeVisible();
  });

  await test.step("confirm, invoice 4 of 10, send", async () => {
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Sales order PV/ })).toBeVisible();
    await page.getByRole("button", { name: "Create invoice" }).click();
    const dialog = page.getByRole("dialog", { name: "Create invoice" });
    await dialog.getByText("Choose quantities").click();
    await dialog.getByRole("textbox", { name: "To invoice: Office chairs" }).fill("4");
    await dialog.getByRole("button", { name: "Create draft invoice" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Draft invoice" })).toBeVisible();
    await page.getByRole("button", { name: "Issue", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Invoice F/ })).toBeVisible();
    await page.goto("/app/sales-orders");
    await page.getByRole("row").filter({ hasText: reference }).getByRole("link").click();
    await expect(page.getByText("Partially invoiced").first()).toBeVisible();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const send = page.getByRole("dialog", { name: "Send sales order" });
    await send.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByText(/^Sent to /)).toBeVisible();
  });

  await test.step("the contact opens the link and sees the order and its invoice", async () => {
    const link = await linkFromOutbox(
      page,
      "laura@acme.example",
      /https?:\/\/\S+\/p\/\S+\/l\/[A-Za-z0-9_-]+/,
    );
    const contact = await englishContext(browser, phone ? { viewport: { width: 375, height: 812 } } : {});
    const portal = await contact.newPage();
    await portal.goto(link);
    await expect(portal.getByRole("heading", { level: 1, name: /^Sales order PV/ })).toBeVisible();
    await expect(portal.getByText(reference)).toBeVisible();
    const invoices = portal.getByRole("region", { name: "Invoices of this order" });
    await expect(invoices.getByRole("link", { name: /^F/ })).toBeVisible();
    await portal.getByRole("link", { name: "Sales orders", exact: true }).click();
    await expect(portal.getByRole("row").filter({ hasText: reference })).toBeVisible();
    await portal.screenshot({ path: info.outputPath("portal-sales-orders.png"), fullPage: true });
    await contact.close();
  });
  await staff.close();
});
