import { expect, test } from "@playwright/test";
import { englishContext, signInStaff } from "./helpers.js";

// Issue 12 §4's journey: the owner creates an API key in Settings, a script lists the invoices with it
// (no cookie, only the bearer header), and once revoked the same request is refused.
test("the owner creates an API key, a request with it lists invoices, and revoking it stops it", async ({
  browser,
  request,
}) => {
  const name = `Accounting export ${Date.now().toString(36)}`;
  const context = await englishContext(browser);
  const page = await context.newPage();
  await signInStaff(page);
  await page.goto("/app/settings/api-keys");
  await expect(page.getByRole("heading", { name: "Create a key" })).toBeVisible();
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("button", { name: "Create key" }).click();

  const dialog = page.getByRole("dialog", { name: "Your new key" });
  await expect(dialog).toBeVisible();
  const secret = ((await dialog.getByTestId("api-key-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^pk_live_[0-9A-Za-z]{40,}$/);
  await dialog.getByRole("button", { name: "I have saved it" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Read only");
  // The list shows the prefix only, never the secret again.
  await expect(page.getByText(secret)).toHaveCount(0);

  const headers = { authorization: `Bearer ${secret}` };
  const listed = await request.get("/api/invoices", { headers });
  expect(listed.status()).toBe(200);
  const invoices = ((await listed.json()) as { items: { number: string | null }[] }).items;
  expect(invoices.length).toBeGreaterThan(0);
  // A read-only key cannot write.
  const refused = await request.post("/api/customers", { headers, data: { name: "Via key" } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { code: string }).code).toBe("API_KEY_READ_ONLY");

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Key revoked.")).toBeVisible();
  await expect(row).toContainText("Revoked");
  const after = await request.get("/api/invoices", { headers });
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { code: string }).code).toBe("API_KEY_INVALID");
  await context.close();
});
