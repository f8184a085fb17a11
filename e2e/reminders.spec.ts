import { expect, test } from "@playwright/test";
import { englishContext, signInStaff } from "./helpers.js";

// Issue 15 §3: Settings › Reminders refuses a template with a mistake, on its field, and saves a good one.
// Every reminder stays off, so the demo's invoices get no reminder emails other specs could meet.
test("staff edit a reminder's text: a bad template is shown on its field, a good one is saved", async ({
  browser,
}) => {
  const context = await englishContext(browser);
  const page = await context.newPage();
  await signInStaff(page);
  await page.goto("/app/settings/reminders");
  const onDue = page.getByRole("group", { name: "On the due date" });
  await expect(onDue.getByRole("switch", { name: "Send this reminder" })).not.toBeChecked();
  await onDue.getByRole("tab", { name: "English" }).click();
  const subject = onDue.getByRole("textbox", { name: "Subject" });
  await subject.fill("Invoice {{ numbr }} is due today");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(onDue.getByText(/The template is not valid/)).toBeVisible();
  await expect(subject).toHaveAttribute("aria-invalid", "true");

  await subject.fill("Invoice {{ number }} is due today, {{ contact_name }}");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();
  await page.reload();
  await page.getByRole("group", { name: "On the due date" }).getByRole("tab", { name: "English" }).click();
  await expect(
    page.getByRole("group", { name: "On the due date" }).getByRole("textbox", { name: "Subject" }),
  ).toHaveValue("Invoice {{ number }} is due today, {{ contact_name }}");
  await context.close();
});
