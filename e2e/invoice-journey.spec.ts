import { readFile, stat } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { englishContext, signInStaff } from "./helpers.js";

// The critical journey across both apps: staff invoice a new customer, the contact opens the emailed
// portal link, downloads the PDF and pays on the sandbox gateway, and the back office sees it paid.
test("staff invoice a customer, the contact pays it in the portal", async ({ browser }) => {
  test.setTimeout(120_000);
  const unique = Date.now().toString(36);
  const customerName = `Journey Labs ${unique}`;
  const contactEmail = `ana.${unique}@journey.example`;
  const website = `https://studio-${unique}.example`;

  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);

  await test.step("edit the organisation profile", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    const websiteInput = page.getByRole("textbox", { name: "Website" });
    await expect(websiteInput).not.toHaveValue("");
    await websiteInput.fill(website);
    await page.getByRole("textbox", { name: "Mobile" }).fill("+34 600 123 456");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Changes saved")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Website" })).toHaveValue(website);
  });

  await test.step("create a customer with a contact", async () => {
    await page.getByRole("link", { name: "Customers" }).click();
    await page.getByRole("link", { name: "New customer" }).first().click();
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(customerName);
    await page.getByRole("textbox", { name: "Tax ID" }).fill("B99999999");
    await page.getByRole("textbox", { name: "City" }).fill("Valencia");
    await page.getByRole("button", { name: "Add contact" }).click();
    await page.getByRole("textbox", { name: "Name (Contact 1)" }).fill("Ana Journey");
    await page.getByRole("textbox", { name: "Email (Contact 1)" }).fill(contactEmail);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: customerName })).toBeVisible();
    await expect(page.getByRole("cell", { name: contactEmail })).toBeVisible();
  });

  let invoiceUrl = "";
  await test.step("create an invoice with two discounted lines and the default tax", async () => {
    await page.getByRole("link", { name: "New invoice" }).click();
    await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue(customerName);
    // The default tax (VAT 21 %) is preselected on every new line.
    await page.getByRole("textbox", { name: "Description (line 1)" }).fill("Brand workshop");
    await page.getByRole("textbox", { name: "Quantity (line 1)" }).fill("2");
    await page.getByRole("textbox", { name: "Unit price (line 1)" }).fill("450");
    await page.getByRole("textbox", { name: "Discount (line 1)" }).fill("10 %");
    await page.getByRole("button", { name: "Add line" }).click();
    await page.getByRole("textbox", { name: "Description (line 2)" }).fill("Web hosting, one year");
    await page.getByRole("textbox", { name: "Quantity (line 2)" }).fill("1");
    await page.getByRole("textbox", { name: "Unit price (line 2)" }).fill("99.90");
    await page.getByRole("textbox", { name: "Discount (line 2)" }).fill("10");
    // 900 + 99.90 − 10 % = 899.91; VAT 170.10 + 18.88 = 188.98; total 1,088.89.
    await expect(page.getByRole("table", { name: "Total" })).toContainText("€1,088.89");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Draft invoice" })).toBeVisible();
    invoiceUrl = page.url();
  });

  await test.step("issue and send it", async () => {
    await page.getByRole("button", { name: "Issue", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Invoice F/ })).toBeVisible();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Send invoice" });
    await expect(dialog.getByRole("checkbox", { name: new RegExp(contactEmail) })).toBeChecked();
    await dialog.getByRole("button", { name: "Send invoice" }).click();
    await expect(page.getByText(`Sent to ${contactEmail}`)).toBeVisible();
    await expect(page.getByText("Sent", { exact: true })).toBeVisible();
  });

  let portalLink = "";
  await test.step("find the email in the outbox and read its portal link", async () => {
    await page.getByRole("link", { name: "Outbox" }).click();
    const row = page.getByRole("row").filter({ hasText: contactEmail });
    await expect(row).toHaveCount(1);
    await row.getByRole("link").click();
    const text = await page.getByRole("region", { name: "Text version" }).textContent();
    portalLink = /https?:\/\/\S+\/p\/[^/\s]+\/l\/[\w-]+/.exec(text ?? "")?.[0] ?? "";
    expect(portalLink, "the email carries a portal link").not.toBe("");
  });

  const contactContext = await englishContext(browser);
  const portal = await contactContext.newPage();
  await test.step("the contact opens the link and sees the invoice", async () => {
    await portal.goto(portalLink);
    await expect(portal).toHaveURL(/\/p\/[^/]+\/invoices\/[0-9a-f-]+/);
    await expect(portal.getByRole("heading", { level: 1, name: /^Invoice F/ })).toBeVisible();
    await expect(portal.getByRole("cell", { name: "Brand workshop" })).toBeVisible();
    await expect(portal.getByText("€1,088.89").first()).toBeVisible();
  });

  await test.step("downloads the PDF", async () => {
    const downloading = portal.waitForEvent("download");
    await portal.getByRole("link", { name: "Download PDF" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const size = (await stat(await download.path())).size;
    expect(size).toBeGreaterThan(1000);
  });

  await test.step("downloads the UBL e-invoice (issue 17 §3)", async () => {
    const downloading = portal.waitForEvent("download");
    await portal.getByRole("button", { name: "Download e-invoice (UBL)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xml$/);
    expect(await readFile(await download.path(), "utf8")).toContain("poacc:billing:3.0");
  });

  await test.step("pays on the sandbox gateway", async () => {
    await portal.getByRole("button", { name: "Pay now" }).click();
    await portal.getByRole("button", { name: /^(Pay|Pagar)$/ }).click();
    await expect(portal).toHaveURL(/payment=succeeded/);
    await expect(portal.getByRole("status").filter({ hasText: "Payment received!" })).toBeVisible();
    // The amount due drops to zero once the gateway's confirmation is recorded.
    await expect(portal.getByRole("table", { name: "Total" })).toContainText(/Amount due\s*€0\.00/, {
      timeout: 15_000,
    });
  });

  await test.step("the back office shows the invoice paid and a notification", async () => {
    await page.goto(`/app/invoices?q=${encodeURIComponent(customerName)}`);
    await expect(page.getByRole("row").filter({ hasText: customerName })).toContainText("Paid");
    await page.goto(invoiceUrl);
    await expect(page.getByRole("heading", { level: 1, name: /^Invoice F/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Payments" })).toContainText("€1,088.89");
    await page.goto("/app");
    const notifications = page.getByRole("region", { name: "Notifications" });
    await expect(notifications.getByText(customerName).first()).toBeVisible();
    await expect(page.getByRole("link", { name: /^Notifications \([1-9]\d* unread\)$/ })).toBeVisible();
  });

  await test.step("sending a draft dated after today offers to send it dated today", async () => {
    // A draft made through the API from the page (same origin, the staff session's cookie).
    const draftId = await page.evaluate(async (invoiceId) => {
      const json = { "Content-Type": "application/json" };
      const issued = await (await fetch(`/api/invoices/${invoiceId}`)).json();
      const later = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const lines = [{ description: "Follow-up session", quantityMilli: 1000, unitPriceMinor: 12000 }];
      const body = JSON.stringify({ customerId: issued.customerId, issueDate: later, lines });
      const res = await fetch("/api/invoices", { method: "POST", headers: json, body });
      return (await res.json()).id as string;
    }, invoiceUrl.split("/").pop());
    await page.goto(`/app/invoices/${draftId}`);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Send invoice" });
    await dialog.getByRole("button", { name: "Send invoice" }).click();
    await expect(dialog.getByRole("alert")).toContainText("is after today");
    await dialog.getByRole("button", { name: "Send dated today" }).click();
    await expect(page.getByText(`Sent to ${contactEmail}`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: /^Invoice F/ })).toBeVisible();
  });

  await contactContext.close();
  await staff.close();
});
