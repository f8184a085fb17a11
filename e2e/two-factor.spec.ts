import { expect, type Page, test } from "@playwright/test";
import { base32Decode, hotp, totpStepAt } from "../src/server/modules/auth/totp.js";
import { englishContext, signUpOwner } from "./helpers.js";

// Issue 12 §3 (decision 022): an owner turns on two-factor sign-in with an authenticator app's code,
// keeps the recovery codes, and from then on signs in with a code: a wrong one and a replayed one are
// refused, a recovery code works once.
const codeNow = (secret: string) => hotp(base32Decode(secret), totpStepAt(Date.now()));

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/app/login");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an owner turns on two-factor sign-in; codes are checked once each, a recovery code works once", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await englishContext(browser);
  const page = await context.newPage();
  const { email, password } = await signUpOwner(page, "totp");

  let secret = "";
  let enablingCode = "";
  let recovery: string[] = [];
  await test.step("set up with the app's code; the recovery codes are shown once", async () => {
    await page.goto("/app/account/two-factor");
    await expect(page.getByRole("heading", { level: 1, name: "Two-factor sign-in" })).toBeVisible();
    await expect(page.getByText("Two-factor sign-in is off.")).toBeVisible();
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByText("Secret key")).toBeVisible();
    secret = (await page.locator("code").first().textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(page.getByText(/^otpauth:\/\/totp\//)).toBeVisible();
    await page.getByRole("textbox", { name: "6-digit code" }).fill("000000");
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    // A mistyped code is a form error: the person stays signed in and types it again.
    await expect(page.getByText(/^That code is not right. Type the 6 digits/)).toBeVisible();
    enablingCode = codeNow(secret);
    await page.getByRole("textbox", { name: "6-digit code" }).fill(enablingCode);
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(page.getByRole("heading", { name: "Recovery codes" })).toBeVisible();
    recovery = ((await page.locator("pre").first().textContent()) ?? "").split("\n").filter(Boolean);
    expect(recovery.length).toBeGreaterThanOrEqual(8);
    await page.reload();
    await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Recovery codes" })).toHaveCount(0);
  });

  await test.step("signing in asks for a code; a wrong and a replayed code are refused", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await signInWithPassword(page, email, password);
    await expect(page.getByRole("alert")).toContainText("Enter the code of your authenticator app.");
    const code = page.getByRole("textbox", { name: "Authenticator app code" });
    await code.fill("123456" === enablingCode ? "654321" : "123456");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "That code is not right, or it has already been used.",
    );
    // The code that turned it on was used: within its 30 seconds it does not open a session again.
    await code.fill(enablingCode);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "That code is not right, or it has already been used.",
    );
    await expect(page.getByRole("heading", { level: 1, name: /^Hello/ })).toHaveCount(0);
  });

  const [first] = recovery;
  await test.step("a recovery code opens a session, once", async () => {
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByRole("textbox", { name: "Recovery code" }).fill(first ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Hello/ })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await signInWithPassword(page, email, password);
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByRole("textbox", { name: "Recovery code" }).fill(first ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "That code is not right, or it has already been used.",
    );
    await expect(page.getByRole("heading", { level: 1, name: /^Hello/ })).toHaveCount(0);
  });

  await context.close();
});
