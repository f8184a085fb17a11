import { expect, test } from "@playwright/test";
import { englishContext, ok, signInContact, signInStaff } from "./helpers.js";

// Issue 16 §2 and §4 (E11, A15, C5): staff turn the review notice off in Settings, a contact writes a
// review in the portal, no email is sent for it, and staff see the review on the customer's overview.
test("a review reaches the customer's overview, and a muted notice sends no email", async ({ browser }) => {
  test.setTimeout(120_000);
  const unique = Date.now().toString(36);
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const request = page.request;
  const email = `rita.${unique}@reviews.example`;
  const password = `cobalt meadow ${unique} four`;
  const contactName = `Rita Reseña ${unique}`;
  const customer = await ok(
    await request.post("/api/customers", {
      data: {
        kind: "company",
        name: `Reviewed Co ${unique}`,
        currency: "EUR",
        paymentTermsDays: 30,
        mayPayByBank: false,
        contacts: [{ name: contactName, email, isPrimary: true }],
      },
    }),
    201,
  );
  await ok(
    await request.post(`/api/customers/${customer.id}/contacts/${customer.contacts[0].id}/portal-access`, {
      data: { mode: "password", password },
    }),
  );

  await test.step("staff turn the review notice off in Settings › Notifications", async () => {
    await page.goto("/app/settings/notifications");
    const notice = page.getByRole("switch", { name: "A customer writes or edits a review" });
    await expect(notice).toBeChecked();
    await notice.click({ force: true });
    await expect(notice).not.toBeChecked();
    await page.getByRole("button", { name: "Save" }).first().click();
    await expect(page.getByText("Changes saved")).toBeVisible();
  });

  try {
    await test.step("the contact writes a review with the keyboard", async () => {
      const contact = await englishContext(browser);
      const portal = await contact.newPage();
      await signInContact(portal, email, password);
      await portal.getByRole("link", { name: "Review" }).click();
      await expect(portal.getByRole("heading", { level: 1, name: "Your review" })).toBeVisible();
      await portal.getByRole("button", { name: "Post review" }).click();
      await expect(portal.getByText("Choose from 1 to 5 stars.")).toBeVisible();
      // The stars are a radio group: arrow keys move along it and choose.
      await portal.getByRole("radio", { name: "1 star", exact: true }).focus();
      for (let i = 0; i < 3; i++) await portal.keyboard.press("ArrowRight");
      await portal.keyboard.press("Space");
      await expect(portal.getByText("4 stars", { exact: true })).toBeVisible();
      await portal.getByLabel("Comment (optional)").fill(`Quick and friendly ${unique}`);
      await portal.getByRole("button", { name: "Post review" }).click();
      await expect(portal.getByText("Review saved. Thank you!")).toBeVisible();
      await expect(portal.getByRole("button", { name: "Save changes" })).toBeVisible();
      await contact.close();
    });

    await test.step("no email was queued for it, and staff see it on the customer's overview", async () => {
      const outbox = (
        (await ok(await request.get("/api/outbox?limit=200"))) as { items: { subject: string }[] }
      ).items;
      expect(outbox.filter((e) => e.subject.includes(contactName))).toEqual([]);
      await page.goto(`/app/customers/${customer.id}`);
      const section = page.getByRole("region", { name: "Reviews by its contacts" });
      await expect(section.getByText(`Quick and friendly ${unique}`)).toBeVisible();
      await expect(section.getByText("4 stars")).toBeVisible();
      await page.goto("/app/reviews?rating=4");
      await expect(page.getByText(`Quick and friendly ${unique}`)).toBeVisible();
    });
  } finally {
    const settings = await ok(await request.get("/api/portal-settings"));
    await ok(
      await request.put("/api/portal-settings", {
        data: { ...settings, notificationPrefs: { ...settings.notificationPrefs, review_written: true } },
      }),
    );
  }
});
