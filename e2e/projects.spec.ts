import { expect, test } from "@playwright/test";
import { englishContext, signInStaff } from "./helpers.js";

// A11: staff create a project, add a task, log time, run the timer, and invoice the time into a draft.
test("staff log time on a project and invoice it", async ({ browser }) => {
  test.setTimeout(120_000);
  const name = `Web audit ${Date.now().toString(36)}`;
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);

  await test.step("create a project with a task", async () => {
    await page.goto("/app/projects");
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await page.getByRole("button", { name: "New project" }).click();
    const dialog = page.getByRole("dialog", { name: "New project" });
    await dialog.getByRole("combobox", { name: "Customer" }).fill("Acme");
    await page.getByRole("option", { name: /Acme/ }).first().click();
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("textbox", { name: /Hourly rate/ }).fill("60");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByRole("textbox", { name: "Task name" }).fill("Design");
    await page.getByRole("button", { name: "Add task" }).click();
    await expect(page.getByRole("rowheader", { name: "Design" })).toBeVisible();
  });

  await test.step("log 1:30 and run the timer", async () => {
    const form = page.getByRole("form", { name: "Log time" });
    await form.getByRole("textbox", { name: "Duration" }).fill("1:30");
    await form.getByRole("button", { name: "Log time" }).click();
    await expect(page.getByRole("table", { name: "Time logged" }).getByText("1:30")).toBeVisible();
    await page.getByRole("button", { name: "Start timer" }).click();
    const stop = page.getByRole("button", { name: `Stop the timer of ${name}` });
    await expect(stop).toBeVisible();
    await stop.click();
    await expect(stop).toBeHidden();
    await expect(page.getByText(/^Timer stopped/)).toBeVisible();
  });

  await test.step("invoice the time into a draft, which locks it", async () => {
    await page.getByRole("button", { name: "Invoice time" }).click();
    const dialog = page.getByRole("dialog", { name: "Invoice the project's time" });
    await dialog.getByRole("button", { name: "Create invoice" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Draft invoice" })).toBeVisible();
    // One line for the time without a task, worded in the organisation's language (the demo's is Spanish).
    await expect(page.getByText(new RegExp(`^${name} — (No task|Sin tarea) \\(1:3\\d h\\)$`))).toBeVisible();
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("link", { name: "On a draft invoice" }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^Edit the time of/ })).toHaveCount(0);
  });
  await staff.close();
});
