import { expect, test } from "@playwright/test";
import { englishContext, ok, signInStaff } from "./helpers.js";

const DAY_MS = 86_400_000;

/** Issue 15 §2 (A5): a monthly profile, the server's clock moved a month (PORTICO_TEST_CLOCK=1), its invoice out. */
test("a monthly recurring profile makes its invoice a month later and emails it", async ({ browser }) => {
  const context = await englishContext(browser);
  const page = await context.newPage();
  const unique = Date.now().toString(36);
  const contactEmail = `recurring.${unique}@e2e.example`;
  const name = `Monthly retainer ${unique}`;
  try {
    await signInStaff(page);
    const customer = await ok(
      await page.request.post("/api/customers", {
        data: {
          kind: "company",
          name: `Recurring Client ${unique}`,
          currency: "EUR",
          paymentTermsDays: 30,
          contacts: [{ name: "Rita Recurring", email: contactEmail, isPrimary: true }],
        },
      }),
      201,
    );

    await test.step("staff creates a monthly profile starting in 30 days", async () => {
      await page.getByRole("link", { name: "Recurring invoices" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Recurring invoices" })).toBeVisible();
      await page.goto(`/app/recurring/new?customerId=${customer.id}`);
      await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue(customer.name);
      await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
      const first = page.getByLabel("First date");
      const today = await first.inputValue();
      const start = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * DAY_MS).toISOString().slice(0, 10);
      await first.fill(start);
      await page.getByRole("textbox", { name: "Description (line 1)" }).fill("Monthly retainer");
      await page.getByRole("textbox", { name: "Unit price (line 1)" }).fill("500");
      await page.getByRole("button", { name: "Save profile" }).click();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      await expect(page.getByText("Active", { exact: true })).toBeVisible();
      await expect(page.getByText("It has not made an invoice yet.")).toBeVisible();
    });
    const profileUrl = page.url();

    await test.step("the clock moves 31 days and the tick runs", async () => {
      const moved = await ok(
        await page.request.post("/api/test/clock", { data: { advanceMs: 31 * DAY_MS } }),
      );
      expect(moved.ran).toBeGreaterThan(0);
    });

    let number = "";
    await test.step("the invoice is in the profile's list, sent", async () => {
      // A month later the session has ended: sign in again.
      await signInStaff(page);
      await page.goto(profileUrl);
      const invoices = page.getByRole("table", { name: "Invoices of this profile" });
      await expect(invoices.getByRole("row")).toHaveCount(2);
      await expect(invoices).toContainText("Sent");
      await expect(invoices).toContainText("€605.00");
      number = (await invoices.getByRole("link").first().textContent()) ?? "";
      expect(number).toMatch(/\d/);
      // The invoice leads back to the profile that made it.
      await invoices.getByRole("link").first().click();
      await page.getByRole("link", { name: "Open the profile" }).click();
      await expect(page).toHaveURL(profileUrl);
    });

    await test.step("and in the outbox, to the customer's contact", async () => {
      await page.goto("/app/outbox");
      const row = page.getByRole("row").filter({ hasText: contactEmail }).first();
      await expect(row).toBeVisible();
      await expect(row).toContainText(number);
    });
  } finally {
    // Back to the real time for the specs that follow.
    await page.request.post("/api/test/clock", { data: { reset: true } });
    await context.close();
  }
});
