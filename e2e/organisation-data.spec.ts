import { expect, test } from "@playwright/test";
import { englishContext, signUpOwner } from "./helpers.js";

// Issue 12 §1 (decision 023): the owner downloads all of the organisation's data as one ZIP, is told the
// law may require keeping issued invoices, and deletes the organisation by typing its portal address;
// the session ends, the portal is gone, and signing in again is refused.
test("the owner exports all data, then deletes the organisation by typing its slug", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await englishContext(browser);
  const page = await context.newPage();
  const owner = await signUpOwner(page, "data");
  const customer = await page.request.post("/api/customers", {
    data: {
      kind: "company",
      name: `Exported Customer ${owner.slug}`,
      currency: "EUR",
      paymentTermsDays: 30,
      mayPayByBank: false,
      contacts: [{ name: "Ana Export", email: `ana.${owner.slug}@customer.example`, isPrimary: true }],
    },
  });
  expect(customer.status(), await customer.text()).toBe(201);

  await page.goto("/app/settings/organisation");
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();

  await test.step("the export is one ZIP holding the organisation's tables", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export all data" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile(path);
    // A ZIP starts with a local file header; the customers table and the new customer are inside.
    expect(bytes.subarray(0, 4).toString("hex")).toBe("504b0304");
    const text = bytes.toString("utf8");
    expect(text).toContain("customers.json");
    expect(text).toContain(`Exported Customer ${owner.slug}`);
    expect(text).not.toContain(owner.password);
  });

  await test.step("deleting asks for the slug and says the law may require keeping invoices", async () => {
    await page.getByRole("button", { name: "Delete this organisation" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete ${owner.organisationName}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(/The law may require you to keep issued invoices/)).toBeVisible();
    const confirm = dialog.getByRole("button", { name: "Delete for ever" });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole("textbox", { name: `Type ${owner.slug} to confirm` }).fill("not-the-slug");
    await expect(confirm).toBeDisabled();
    await dialog.getByRole("textbox", { name: `Type ${owner.slug} to confirm` }).fill(owner.slug);
    await confirm.click();
    await expect(page.getByText("The organisation has been deleted.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Portico" })).toBeVisible();
  });

  await test.step("nothing of it answers any more", async () => {
    expect((await page.request.get("/api/customers")).status()).toBe(401);
    expect((await page.request.get(`/api/portal/${owner.slug}`)).status()).toBe(404);
    await page.getByRole("textbox", { name: "Email" }).fill(owner.email);
    await page.getByRole("textbox", { name: "Password" }).fill(owner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The deletion's toast may still be up beside the form's alert.
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: /^Hello/ })).toHaveCount(0);
  });

  await context.close();
});
