import { expect, test } from "@playwright/test";

// The cheapest proof that the built app is served: health endpoint, then the back office shell.
test("health endpoint answers ok", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok" });
});

test("back office loads @phone", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  const res = await page.goto("/app", { waitUntil: "load" });
  expect(res?.status()).toBe(200);
  await expect(page.locator("body")).not.toBeEmpty();
  expect(errors, "uncaught errors in the page").toEqual([]);
});
