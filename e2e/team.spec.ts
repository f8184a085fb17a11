import { expect, type Page, test } from "@playwright/test";
import { englishContext, linkFromOutbox, signInStaff } from "./helpers.js";

// Issue 12 §3's journey: the owner invites a colleague as staff; the colleague accepts from the outbox
// email, sets a name and password, signs in again, and neither sees nor can open the portal settings.
async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/app/login");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Hello/ })).toBeVisible();
}

test("the owner invites a colleague as staff, who accepts and cannot open the portal settings", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const unique = Date.now().toString(36);
  const email = `colleague.${unique}@team.example`;
  const password = `copper lantern ${unique} eleven`;

  const owner = await englishContext(browser);
  const page = await owner.newPage();
  await signInStaff(page);
  await page.goto("/app/settings/team");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Staff");
  const link = await linkFromOutbox(page, email, /https?:\/\/\S+\/app\/invitation\/[A-Za-z0-9_-]+/);

  const colleague = await englishContext(browser);
  const other = await colleague.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: /^Join the .+ team$/ })).toBeVisible();
  await other.getByRole("textbox", { name: "Your name" }).fill("Carmen Colega");
  await other.getByLabel(/^New password/).fill(password);
  await other.getByLabel(/^Confirm password/).fill(password);
  await other.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(other.getByRole("heading", { level: 1, name: /^Hello/ })).toBeVisible();

  // The link works once.
  const again = await colleague.newPage();
  await again.goto(link);
  await expect(again.getByRole("alert")).toContainText("has been used, revoked or has expired");
  await again.close();

  await other.getByRole("button", { name: "Sign out" }).click();
  await signInAs(other, email, password);
  const nav = other.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Invoices", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

  await other.goto("/app/settings/portal");
  await expect(
    other.getByRole("heading", { level: 1, name: "You don't have access to this page" }),
  ).toBeVisible();
  await expect(other.getByRole("tab", { name: "Portal" })).toHaveCount(0);
  const refused = await other.request.put("/api/portal-settings", { data: {} });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { code: string }).code).toBe("FORBIDDEN_ROLE");

  // The owner sees the colleague in the team, as staff, signed in.
  await page.goto("/app/settings/team");
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Active");

  await colleague.close();
  await owner.close();
});
