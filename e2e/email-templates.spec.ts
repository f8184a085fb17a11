import { expect, test } from "@playwright/test";
import { englishContext, ok, signUpOwner } from "./helpers.js";

// Issue 16 §5 (decision 046): staff edit the invoice email in Spanish, see the live preview, save, and the
// next invoice sent to a Spanish contact uses their text (read back from the outbox). A new organisation
// of its own, so the demo's emails, which other specs read, stay the built-in ones.
test("staff edit the Spanish invoice email, preview it, and the next invoice uses it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await englishContext(browser);
  const page = await context.newPage();
  const owner = await signUpOwner(page, "templates");

  await test.step("a mistake is shown on its field, with its line", async () => {
    await page.goto("/app/settings/email-templates");
    await expect(page.getByRole("row").filter({ hasText: "Invoice sent" })).toContainText("Default");
    await page
      .getByRole("button", { name: "Edit in Spanish: Invoice sent (retainers and credit notes too)" })
      .click();
    await expect(page.getByRole("radio", { name: "Spanish" })).toBeChecked();
    const body = page.getByRole("textbox", { name: "Text" });
    await expect(body).toHaveValue(/Hola \{\{ contact_name \}\}/);
    await body.fill("Hola\n{{ password }}");
    await expect(page.getByText(/The template is not valid: .*line:2/)).toBeVisible();
  });

  await test.step("the preview follows the text as it is typed, variables inserted at the cursor", async () => {
    const subject = page.getByRole("textbox", { name: "Subject" });
    await subject.fill("Nueva factura ");
    await page.getByRole("button", { name: /^\{\{ number \}\}/ }).click();
    await expect(subject).toHaveValue("Nueva factura {{ number }}");
    const body = page.getByRole("textbox", { name: "Text" });
    await body.fill("Hola ");
    await page.getByRole("button", { name: /^\{\{ contact_name \}\}/ }).click();
    await body.press("End");
    await body.pressSequentially(", aquí tienes tu factura <b>urgente</b>.\n\n{{ button }}");
    await expect(page.getByTestId("template-preview-subject")).toContainText("Nueva factura F2026-0001");
    const frame = page.frameLocator('iframe[title="Email preview"]');
    await expect(frame.getByText("Hola Laura Gómez, aquí tienes tu factura <b>urgente</b>.")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Template saved")).toBeVisible();
    await expect(page.getByText("Customised", { exact: true })).toBeVisible();
  });

  await test.step("the next invoice sent to a Spanish contact uses it", async () => {
    const email = `ana.${owner.slug}@customer.example`;
    const customer = await ok(
      await page.request.post("/api/customers", {
        data: {
          kind: "company",
          name: "Cliente Español",
          currency: "EUR",
          paymentTermsDays: 30,
          mayPayByBank: false,
          language: "es",
          contacts: [{ name: "Ana Sánchez", email, isPrimary: true, language: "es" }],
        },
      }),
      201,
    );
    const draft = await ok(
      await page.request.post("/api/invoices", {
        data: {
          customerId: customer.id,
          lines: [{ description: "Consultoría", quantityMilli: 1000, unitPriceMinor: 10000 }],
        },
      }),
      201,
    );
    const invoice = await ok(await page.request.post(`/api/invoices/${draft.id}/issue`, { data: {} }));
    await ok(await page.request.post(`/api/invoices/${draft.id}/send`, { data: {} }));

    await page.goto("/app/outbox");
    const row = page.getByRole("row").filter({ hasText: email }).first();
    await expect(row).toContainText(`Nueva factura ${invoice.number}`);
    await row.getByRole("link").first().click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Nueva factura ${invoice.number}` }),
    ).toBeVisible();
    const text = await page.getByRole("region", { name: "Text version" }).textContent();
    expect(text).toContain("Hola Ana Sánchez, aquí tienes tu factura <b>urgente</b>.");
  });
  await context.close();
});
