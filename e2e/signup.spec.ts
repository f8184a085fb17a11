import { expect, test } from "@playwright/test";
import { signaturePng } from "../src/server/test/png.js";
import { englishContext } from "./helpers.js";

// Issue 12, section 1: from the back office's sign-in page a new person creates an organisation (the
// portal address checked live, the browser's time zone preselected), becomes its owner and lands on the
// "Get started" checklist, which ticks itself as the work is done.
test("a new person signs up, lands on the checklist, and it ticks itself", async ({ browser }) => {
  test.setTimeout(120_000);
  const unique = Date.now().toString(36);
  const slug = `luna-${unique}`;
  const email = `lucia.${unique}@luna.example`;

  const context = await englishContext(browser, { timezoneId: "Europe/Lisbon" });
  const page = await context.newPage();

  await test.step("the sign-in page offers to create an organisation", async () => {
    await page.goto("/app/login");
    await page.getByRole("link", { name: "Create an organisation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create your organisation" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Time zone" })).toHaveValue("Europe/Lisbon");
  });

  await test.step("the portal address is checked as it is typed", async () => {
    await page.getByRole("textbox", { name: "Organisation name" }).fill(`Carpintería Luna ${unique}`);
    const address = page.getByRole("textbox", { name: "Portal address" });
    await expect(address).toHaveValue(`carpinteria-luna-${unique}`);
    await address.fill("estudio-nube");
    await expect(page.getByText("This address is already in use")).toBeVisible();
    await address.fill(slug);
    await expect(page.getByText("Available", { exact: true })).toBeVisible();
  });

  await test.step("the person's fields, then the organisation is created and its owner signed in", async () => {
    await page.getByRole("textbox", { name: "Your name" }).fill("Lucía Luna");
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel(/^Password/).fill("short");
    await page.getByRole("button", { name: "Create organisation" }).click();
    // The server's field error, in the UI's language.
    await expect(page.getByText("Use at least 12 characters", { exact: true })).toBeVisible();
    await page.getByLabel(/^Password/).fill(`granite meadow ${unique} kettle`);
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Lucía Luna" })).toBeVisible();
  });

  const checklist = page.getByRole("region", { name: "Get started" });
  await test.step("the checklist shows what is done and links to the rest", async () => {
    await expect(checklist).toBeVisible();
    await expect(checklist.getByText("2 of 6 done")).toBeVisible();
    await expect(checklist.getByRole("link", { name: "Create your first customer" })).toHaveAttribute(
      "href",
      "/app/customers/new",
    );
  });

  let customer: { id: string; contacts: { id: string }[] } = { id: "", contacts: [] };
  await test.step("a first customer ticks its item", async () => {
    const res = await page.request.post("/api/customers", {
      data: {
        kind: "company",
        name: `First Customer ${unique}`,
        currency: "EUR",
        paymentTermsDays: 30,
        mayPayByBank: false,
        contacts: [{ name: "Primer Contacto", email: `first.${unique}@customer.example`, isPrimary: true }],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    customer = await res.json();
    await page.reload();
    await expect(checklist.getByText("3 of 6 done")).toBeVisible();
  });

  await test.step("the profile with its logo and a bank account tick theirs", async () => {
    const {
      id: _id,
      logoUrl: _logo,
      ...profile
    } = await (await page.request.get("/api/organisation")).json();
    const saved = await page.request.put("/api/organisation", {
      data: {
        ...profile,
        taxId: "B12345674",
        addressLine1: "Calle Mayor 1",
        iban: "ES9121000418450200051332",
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const logo = await page.request.put("/api/organisation/logo", {
      headers: { "content-type": "image/png" },
      data: signaturePng(64, 32),
    });
    expect(logo.status(), await logo.text()).toBe(200);
    await page.reload();
    await expect(checklist.getByText("5 of 6 done")).toBeVisible();
  });

  await test.step("the first invoice sent completes the checklist", async () => {
    const draft = await page.request.post("/api/invoices", {
      data: {
        customerId: customer.id,
        kind: "invoice",
        lines: [{ description: "First job", quantityMilli: 1000, unitPriceMinor: 25000 }],
      },
    });
    expect(draft.status(), await draft.text()).toBe(201);
    const sent = await page.request.post(`/api/invoices/${(await draft.json()).id}/send`, {
      data: { contactIds: [customer.contacts[0]?.id] },
    });
    expect(sent.status(), await sent.text()).toBe(200);
    await page.reload();
    await expect(checklist.getByText("6 of 6 done")).toBeVisible();
    await expect(checklist.getByText("All set! You can hide this list now.")).toBeVisible();
    await checklist.getByRole("button", { name: "Hide" }).click();
    await expect(page.getByRole("region", { name: "Get started" })).toHaveCount(0);
  });

  await context.close();
});
