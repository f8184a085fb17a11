import { readFile } from "node:fs/promises";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { englishContext, signInStaff } from "./helpers.js";

// Issue 5's journey: a contact opens the portal home, sees what is owed (two invoices, one partly settled
// by a credit note), pays everything at once on the sandbox gateway, sees the home figures and the
// purchase history change, and downloads the statement, whose text shows the payment and a zero balance.
const PORTAL = "/p/estudio-nube";

interface Created {
  id: string;
  contacts: { id: string }[];
}

async function ok(res: Awaited<ReturnType<APIRequestContext["post"]>>, status = 200): Promise<Created> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as Created;
}

/** A customer of its own (the demo's figures stay untouched), with a contact who has a password. */
async function customerWithDocuments(request: APIRequestContext, unique: string) {
  const email = `marta.${unique}@money.example`;
  const password = `copper lantern ${unique} forty`;
  const customer = await ok(
    await request.post("/api/customers", {
      data: {
        kind: "company",
        name: `Money Works ${unique}`,
        currency: "EUR",
        paymentTermsDays: 30,
        mayPayByBank: false,
        contacts: [{ name: "Marta Pagos", email, isPrimary: true }],
      },
    }),
    201,
  );
  const contactId = customer.contacts[0]?.id;
  await ok(
    await request.post(`/api/customers/${customer.id}/contacts/${contactId}/portal-access`, {
      data: { mode: "password", password },
    }),
  );
  const issue = async (kind: string, unitPriceMinor: number, extra: object = {}) => {
    const draft = await ok(
      await request.post("/api/invoices", {
        data: {
          customerId: customer.id,
          kind,
          // A Spanish organisation's credit note is a rectifying invoice (decision 051).
          ...(kind === "credit_note" ? { rectification: { type: "R4", reason: "Descuento" } } : {}),
          ...extra,
          lines: [{ description: `${kind} work`, quantityMilli: 1000, unitPriceMinor }],
        },
      }),
      201,
    );
    return ok(await request.post(`/api/invoices/${draft.id}/issue`, { data: {} }));
  };
  // 121.00 and 60.50 with VAT; a credit note of 12.10 settles part of the first: 169.40 owed.
  const first = await issue("invoice", 10000);
  await issue("invoice", 5000);
  const credit = await issue("credit_note", 1000, { correctsInvoiceId: first.id });
  await ok(
    await request.post(`/api/invoices/${credit.id}/apply`, {
      data: { allocations: [{ invoiceId: first.id, amountMinor: 1210 }] },
    }),
  );
  return { email, password };
}

async function signInContact(portal: Page, email: string, password: string) {
  await portal.goto(`${PORTAL}/login`);
  await portal.getByRole("textbox", { name: "Email" }).fill(email);
  await portal.getByLabel(/^Password/).fill(password);
  await portal.getByRole("button", { name: "Sign in" }).click();
  await expect(portal.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
}

/** This month's row of the purchase history table (the chart's figures for screen readers). */
async function historyRow(portal: Page) {
  const table = portal.getByTestId("history-table");
  if (!(await table.isVisible())) await portal.getByRole("button", { name: "Show as table" }).click();
  return table.getByRole("row").last();
}

test("the contact sees what is owed, pays everything and downloads a zero-balance statement", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const unique = Date.now().toString(36);
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const { email, password } = await customerWithDocuments(page.request, unique);

  const contact = await englishContext(browser, { acceptDownloads: true });
  const portal = await contact.newPage();
  await signInContact(portal, email, password);

  await test.step("the home page shows the figures", async () => {
    await portal.getByRole("link", { name: "Home" }).click();
    const outstanding = portal.getByRole("region", { name: "Outstanding" });
    await expect(outstanding).toContainText("€169.40");
    await expect(outstanding).toContainText("2 open invoices");
    await expect(portal.getByRole("region", { name: "Last payment" })).toContainText("No payments yet");
    const row = await historyRow(portal);
    await expect(row).toContainText("€181.50");
    await expect(row).toContainText("€12.10");
    await expect(row).toContainText("€169.40");
  });

  await test.step("pays everything on the sandbox gateway", async () => {
    await portal.getByRole("button", { name: "Pay everything (€169.40)" }).click();
    // The sandbox's hosted page first: until it loads, the home also shows the amount (five times).
    await expect(portal).toHaveURL(/\/sandbox\/checkout\/[0-9a-f-]{36}/);
    await expect(portal.locator("p.amount")).toHaveText("€169.40");
    await portal.getByRole("button", { name: /^(Pay|Pagar)$/ }).click();
    await expect(portal).toHaveURL(/\/payments\/[0-9a-f-]{36}\?payment=succeeded/);
    await expect(portal.getByText("Payment received!")).toBeVisible();
    await expect(portal.getByRole("heading", { level: 1, name: /^Receipt RC\d{4}-\d{4}$/ })).toBeVisible();
  });
  const receipt = (await portal.getByRole("heading", { level: 1, name: /^Receipt / }).textContent())?.replace(
    "Receipt ",
    "",
  ) as string;

  await test.step("the home figures and the history follow", async () => {
    await portal.getByRole("link", { name: "Home" }).click();
    const outstanding = portal.getByRole("region", { name: "Outstanding" });
    await expect(outstanding).toContainText("€0.00");
    await expect(outstanding).toContainText("Nothing to pay");
    await expect(portal.getByRole("region", { name: "Last payment" })).toContainText("€169.40");
    const row = await historyRow(portal);
    await expect(row).toContainText("€181.50");
    await expect(row).toContainText("€0.00");
  });

  await test.step("the statement PDF shows the payment and a zero balance", async () => {
    await portal.getByRole("link", { name: "Statement" }).click();
    await expect(portal.getByRole("heading", { level: 1, name: "Statement of account" })).toBeVisible();
    const [download] = await Promise.all([
      portal.waitForEvent("download"),
      portal.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    const data = await readFile(await download.path());
    const text = (await new PDFParse({ data }).getText()).text;
    expect(text).toContain(receipt);
    expect(text).toContain("169.40");
    expect(text).toMatch(/Closing balance\s*€?0\.00/);
  });

  await staff.close();
  await contact.close();
});
