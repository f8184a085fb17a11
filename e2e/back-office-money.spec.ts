import { expect, type Page, test } from "@playwright/test";
import { englishContext, refundPartOfPayment, signInStaff } from "./helpers.js";

// Issue 5's back-office journey (A8, A10): staff record one payment for two invoices, both show as paid;
// part of it is refunded and an invoice owes again; a credit note is created from that invoice, issued
// and applied to it.

const isoInDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A fresh customer with two issued, untaxed invoices (100.00 due first, 50.00 due later). */
async function customerWithTwoInvoices(page: Page, name: string) {
  const created = await page.request.post("/api/customers", {
    data: { kind: "company", name, currency: "EUR", paymentTermsDays: 30, mayPayByBank: false, contacts: [] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const customerId = ((await created.json()) as { id: string }).id;
  const numbers: string[] = [];
  for (const [price, due] of [
    [10_000, 10],
    [5_000, 20],
  ] as const) {
    const draft = await page.request.post("/api/invoices", {
      data: {
        customerId,
        dueDate: isoInDays(due),
        lines: [{ description: `Service ${price}`, quantityMilli: 1000, unitPriceMinor: price, taxIds: [] }],
      },
    });
    expect(draft.status(), await draft.text()).toBe(201);
    const { id } = (await draft.json()) as { id: string };
    const issued = await page.request.post(`/api/invoices/${id}/issue`);
    expect(issued.status(), await issued.text()).toBe(200);
    numbers.push(((await issued.json()) as { number: string }).number);
  }
  return { customerId, numbers };
}

test("staff record a payment for two invoices, refund part of it and apply a credit note", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const customerName = `Money Works ${Date.now().toString(36)}`;
  const context = await englishContext(browser);
  const page = await context.newPage();
  await signInStaff(page);
  const { customerId, numbers } = await customerWithTwoInvoices(page, customerName);
  const [first = "", second = ""] = numbers;
  const invoiceRow = (number: string) => page.getByRole("row").filter({ hasText: number });

  await test.step("the customer's balance shows what is outstanding", async () => {
    await page.goto(`/app/customers/${customerId}`);
    const balances = page.getByRole("region", { name: "Customer balance" });
    await expect(balances).toContainText("€150.00");
    await balances.getByRole("link", { name: "Record payment" }).click();
  });

  await test.step("record one payment split oldest first over both invoices", async () => {
    await expect(page.getByRole("heading", { level: 1, name: "Record payment" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: `Amount to apply to ${first}` })).toBeVisible();
    await page.getByRole("button", { name: "Apply oldest first" }).click();
    await expect(page.getByRole("textbox", { name: "Amount received" })).toHaveValue("150.00");
    await expect(page.getByRole("textbox", { name: `Amount to apply to ${first}` })).toHaveValue("100.00");
    await expect(page.getByRole("textbox", { name: `Amount to apply to ${second}` })).toHaveValue("50.00");
    await page.getByRole("textbox", { name: "Reference" }).fill("TR-0042");
    await page.getByRole("button", { name: "Record payment" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Payment RC/ })).toBeVisible();
    const paid = page.getByRole("table", { name: "Documents it was applied to" });
    await expect(paid).toContainText(first);
    await expect(paid).toContainText(second);
  });
  const paymentUrl = page.url();

  await test.step("both invoices show as paid", async () => {
    await page.goto(`/app/invoices?customerId=${customerId}`);
    await expect(invoiceRow(first)).toContainText("Paid");
    await expect(invoiceRow(second)).toContainText("Paid");
  });

  await test.step("refund part of the payment: an invoice owes again", async () => {
    await refundPartOfPayment(page, paymentUrl, "30", "€30.00");
    await page.goto(`/app/invoices?customerId=${customerId}`);
    await expect(page.getByRole("row").filter({ hasText: "Partially paid" })).toHaveCount(1);
    await expect(page.getByRole("row").filter({ hasText: "Partially paid" })).toContainText("€30.00");
  });

  await test.step("create a credit note for that invoice, issue it and apply it", async () => {
    await page.getByRole("row").filter({ hasText: "Partially paid" }).getByRole("link").first().click();
    const owing =
      (await page.getByRole("heading", { level: 1 }).textContent())?.replace("Invoice ", "") ?? "";
    await page.getByRole("link", { name: "Create credit note" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New credit note" })).toBeVisible();
    // A Spanish organisation's credit note is a rectifying invoice (decision 051): the invoice it came
    // from is the one it rectifies; staff choose the type and give the reason.
    const rectification = page.getByRole("group", { name: "Correction" });
    await expect(rectification).toContainText(owing);
    await rectification.getByRole("combobox", { name: /^Correction type/ }).click();
    await page.getByRole("option", { name: "R4 · Other causes" }).click();
    await rectification.getByRole("textbox", { name: /^Reason/ }).fill("Agreed discount for the delay");
    // It starts from the corrected invoice's line (tax-free here); staff lower it to what is credited.
    await expect(page.getByRole("textbox", { name: "Description (line 1)" })).toHaveValue(/^Service /);
    await page.getByRole("textbox", { name: "Description (line 1)" }).fill("Agreed discount");
    await page.getByRole("textbox", { name: "Unit price (line 1)" }).fill("20");
    await expect(page.getByRole("table", { name: "Total" })).toContainText("€20.00");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Draft credit note" })).toBeVisible();
    await page.getByRole("button", { name: "Issue", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Credit note / })).toBeVisible();
    const credit = page.getByRole("region", { name: "Credit of this credit note" });
    await expect(credit).toContainText("€20.00");

    await credit.getByRole("button", { name: "Apply to invoices" }).click();
    const dialog = page.getByRole("dialog", { name: "Apply to invoices" });
    await dialog.getByRole("button", { name: "Apply oldest first" }).click();
    await expect(dialog.getByRole("textbox", { name: `Amount to apply to ${owing}` })).toHaveValue("20.00");
    await dialog.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page.getByText("Amount applied")).toBeVisible();
    await expect(credit.getByRole("table", { name: "Documents it was applied to" })).toContainText(owing);
    await expect(page.getByRole("heading", { level: 1, name: /^Credit note / })).toBeVisible();

    await credit.getByRole("link", { name: `Invoice ${owing}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Invoice ${owing}` })).toBeVisible();
    // 30.00 owed − 20.00 credited.
    await expect(page.getByRole("table", { name: "Payments" })).toContainText(/Credit note /);
    await expect(page.getByText("€10.00").first()).toBeVisible();
  });

  await context.close();
});
