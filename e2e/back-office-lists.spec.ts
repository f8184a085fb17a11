import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { englishContext, ok, signUpOwner } from "./helpers.js";

// Issue 19 (decision 058): a back-office list a page at a time. Staff filter the invoices by overdue and
// customer, see the count and sum of the whole filtered set, page to the end and back by keyset, and
// the view stays in the address. A new organisation of its own, so the rows are exactly these: its
// series starts empty, so invoices dated in 2024 issue in order and are overdue whatever today is.

async function customer(request: APIRequestContext, name: string) {
  return ok(
    await request.post("/api/customers", {
      data: {
        kind: "company",
        name,
        currency: "EUR",
        paymentTermsDays: 30,
        mayPayByBank: false,
        contacts: [
          {
            name: `Contact ${name}`,
            email: `${name.replace(/\W/g, "").toLowerCase()}@lists.example`,
            isPrimary: true,
          },
        ],
      },
    }),
    201,
  );
}

/** An invoice of 121.00 (100.00 + VAT) issued on `issueDate`, due 2024-03-01 (overdue); or left a draft. */
async function invoice(request: APIRequestContext, customerId: string, issueDate: string, issue = true) {
  const draft = await ok(
    await request.post("/api/invoices", {
      data: {
        customerId,
        issueDate,
        dueDate: "2024-03-01",
        lines: [{ description: "Consulting", quantityMilli: 1000, unitPriceMinor: 10000 }],
      },
    }),
    201,
  );
  if (issue) await ok(await request.post(`/api/invoices/${draft.id}/issue`, { data: {} }));
}

test("staff filter invoices by overdue and customer and page to the end", async ({ browser }) => {
  const context = await englishContext(browser);
  const page = await context.newPage();
  const owner = await signUpOwner(page, "lists");
  const alfa = await customer(page.request, `Alfa ${owner.slug}`);
  const beta = await customer(page.request, `Beta ${owner.slug}`);
  // Alfa: 7 overdue invoices and a draft (never overdue); Beta: 2 overdue. Issued in date order.
  for (let day = 1; day <= 9; day++) {
    const date = `2024-01-${String(day).padStart(2, "0")}`;
    await invoice(page.request, [3, 7].includes(day) ? beta.id : alfa.id, date);
  }
  await invoice(page.request, alfa.id, "2024-02-01", false);

  await page.goto("/app/invoices?limit=3");
  const table = page.getByRole("table", { name: "Invoices" });
  const pager = page.getByRole("navigation", { name: "Pages of Invoices" });
  const count = page.getByTestId("list-count");
  await expect(count).toHaveText("10 invoices");
  await expect(table.getByRole("row")).toHaveCount(4);

  await test.step("filter by overdue and customer: the totals cover the whole filtered set", async () => {
    // A controlled box: its state comes back from the address a moment after the click (not `check()`).
    const overdue = page.getByRole("checkbox", { name: "Overdue only" });
    await overdue.click();
    await expect(overdue).toBeChecked();
    await expect(count).toHaveText("9 invoices");
    const picker = page.getByRole("combobox", { name: "Customer" });
    await picker.click();
    await picker.fill("Alfa");
    await page.getByRole("option", { name: alfa.name }).click();
    await expect(count).toHaveText("7 invoices");
    await expect(page.getByRole("status").filter({ hasText: "7 invoices" })).toContainText("€847.00");
    await expect(page).toHaveURL(/overdue=true/);
    await expect(page).toHaveURL(new RegExp(`customerId=${alfa.id}`));
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table).not.toContainText(beta.name);
  });

  await test.step("export the filtered view as CSV: every row of it, not only the page", async () => {
    await page.getByTestId("export-menu").click();
    const download = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "CSV (programs and spreadsheets)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await file.path()) ?? "", "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 7);
    expect(lines.slice(1).every((line) => line.includes(alfa.name))).toBe(true);
    await expect(page.getByText(/Export downloaded/)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByText(/Export downloaded/)).toBeHidden();
  });

  await test.step("page to the end by keyset, and back", async () => {
    const first = await table.getByRole("row").nth(1).textContent();
    await expect(pager.getByRole("button", { name: "Previous" })).toBeDisabled();
    await pager.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/after=/);
    // The second page is on screen (not the first one still) before its own Next is pressed.
    await expect(table.getByRole("row").nth(1)).not.toHaveText(first ?? "");
    await expect(table.getByRole("row")).toHaveCount(4);
    await pager.getByRole("button", { name: "Next" }).click();
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(pager.getByRole("button", { name: "Next" })).toBeDisabled();
    await expect(pager.getByRole("button", { name: "Last page" })).toBeDisabled();
    // The oldest overdue invoice of Alfa is the last row of "newest first".
    await expect(table.getByRole("row").nth(1)).toContainText("1 Jan 2024");
    await pager.getByRole("button", { name: "Previous" }).click();
    await expect(table.getByRole("row")).toHaveCount(4);
    await pager.getByRole("button", { name: "First page" }).click();
    await expect(table.getByRole("row").nth(1)).toHaveText(first ?? "");
    await pager.getByRole("button", { name: "Last page" }).click();
    await expect(page).toHaveURL(/last=true/);
    // The last page by keyset is the last three rows of the order, ending with the oldest.
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table.getByRole("row").nth(3)).toContainText("1 Jan 2024");
    await expect(pager.getByRole("button", { name: "Next" })).toBeDisabled();
    await page.goBack();
    await expect(page).not.toHaveURL(/last=true/);
    await expect(table.getByRole("row").nth(1)).toHaveText(first ?? "");
  });

  await test.step("a column header sorts (aria-sort) and goes back to the first page", async () => {
    await pager.getByRole("button", { name: "Next" }).click();
    await table.getByRole("button", { name: "Date", exact: true }).click();
    await expect(table.getByRole("columnheader", { name: "Date", exact: true })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    await expect(page).not.toHaveURL(/after=/);
    await expect(table.getByRole("row").nth(1)).toContainText("1 Jan 2024");
  });

  await test.step("an empty result says filters hide rows and clears them", async () => {
    await page.getByRole("searchbox", { name: "Search by number or customer" }).fill("no such invoice");
    await expect(page.getByText("Filters hide the rows of this list.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(count).toHaveText("10 invoices");
  });

  await test.step("open a document's customer from the header search box", async () => {
    await page.keyboard.press("/");
    const box = page.getByRole("combobox", { name: "Search customers, contacts and documents" });
    await box.fill(beta.name);
    await page
      .getByRole("option", { name: new RegExp(beta.name) })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1, name: beta.name })).toBeVisible();
  });

  await context.close();
});
