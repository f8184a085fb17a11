import { type APIRequestContext, expect, test } from "@playwright/test";
import { englishContext, signInStaff } from "./helpers.js";

// Issue 10 item 4 (decision 017): the home never promises to apply credit by itself. It says the credit is
// not included in "Pay everything", the contact applies it to the oldest invoices, "Pay everything" then
// asks for what is left, and the statement shows how invoices due and credit make the balance.
const PORTAL = "/p/estudio-nube";

async function ok(res: Awaited<ReturnType<APIRequestContext["post"]>>, status = 200) {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as { id: string; contacts: { id: string }[] };
}

/** Invoices of €121.00 and €60.50 (VAT included); credit: a credit note of €12.10 and €20.00 paid on account. */
async function customerWithCredit(request: APIRequestContext, unique: string) {
  const email = `lucia.${unique}@credit.example`;
  const password = `amber harbour ${unique} twelve`;
  const customer = await ok(
    await request.post("/api/customers", {
      data: {
        kind: "company",
        name: `Credit Works ${unique}`,
        currency: "EUR",
        paymentTermsDays: 30,
        mayPayByBank: false,
        contacts: [{ name: "Lucía Crédito", email, isPrimary: true }],
      },
    }),
    201,
  );
  await ok(
    await request.post(`/api/customers/${customer.id}/contacts/${customer.contacts[0]?.id}/portal-access`, {
      data: { mode: "password", password },
    }),
  );
  const issue = async (kind: string, unitPriceMinor: number) => {
    const draft = await ok(
      await request.post("/api/invoices", {
        data: {
          customerId: customer.id,
          kind,
          // A Spanish organisation's credit note is a rectifying invoice (decision 051).
          ...(kind === "credit_note" ? { rectification: { type: "R4", reason: "Descuento" } } : {}),
          lines: [{ description: `${kind} work`, quantityMilli: 1000, unitPriceMinor }],
        },
      }),
      201,
    );
    return ok(await request.post(`/api/invoices/${draft.id}/issue`, { data: {} }));
  };
  await issue("invoice", 10000);
  await issue("invoice", 5000);
  await issue("credit_note", 1000);
  await ok(
    await request.post("/api/payments", {
      data: {
        customerId: customer.id,
        amountMinor: 2000,
        paidOn: new Date().toISOString().slice(0, 10),
        method: "transfer",
        allocations: [],
      },
    }),
    201,
  );
  return { email, password };
}

test("the contact applies its credit to its oldest invoices; pay everything asks for the rest @phone", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const unique = Date.now().toString(36);
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const { email, password } = await customerWithCredit(page.request, unique);

  const contact = await englishContext(browser);
  const portal = await contact.newPage();
  await portal.goto(`${PORTAL}/login`);
  await portal.getByRole("textbox", { name: "Email" }).fill(email);
  await portal.getByLabel(/^Password/).fill(password);
  await portal.getByRole("button", { name: "Sign in" }).click();
  await expect(portal.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();

  const outstanding = portal.getByRole("region", { name: "Outstanding" });
  await test.step("the home says the credit is not included, and offers to apply it", async () => {
    await expect(outstanding).toContainText("€181.50");
    await expect(outstanding.getByRole("button", { name: "Pay everything (€181.50)" })).toBeVisible();
    await expect(outstanding).toContainText("Your €32.10 credit is not included in “Pay everything”.");
    await expect(portal.getByRole("region", { name: "Available credit" })).toContainText(
      "not applied to any invoice yet",
    );
    // The offer's long label wraps: nothing pushes a phone's page sideways.
    const overflow = await portal.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  await test.step("applying it, after confirming, lowers what pay everything asks", async () => {
    await outstanding.getByRole("button", { name: "Apply my €32.10 credit to my oldest invoices" }).click();
    const dialog = portal.getByRole("dialog", { name: "Apply your credit" });
    await dialog.getByRole("button", { name: "Apply €32.10" }).click();
    await expect(portal.getByText("€32.10 applied to 1 invoice.")).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(outstanding.getByRole("button", { name: "Pay everything (€149.40)" })).toBeVisible();
    await expect(outstanding.getByRole("button", { name: /Apply/ })).toHaveCount(0);
    await expect(portal.getByRole("region", { name: "Available credit" })).toContainText("€0.00");
  });

  await test.step("the statement shows how invoices due and credit make the balance", async () => {
    await portal.goto(`${PORTAL}/statement`);
    await expect(portal.getByTestId("statement-reconciliation")).toHaveText(
      "Invoices due €149.40 − credit available €0.00 = balance €149.40",
    );
  });

  await staff.close();
  await contact.close();
});
