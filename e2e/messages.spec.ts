import { expect, test } from "@playwright/test";
import { englishContext, ok, signInContact, signInStaff } from "./helpers.js";

// Issue 16 §1 (E10): a contact writes a message with an attachment; staff, with the messages list open,
// see it arrive and the unread badge rise without reloading; staff answer; the contact, with the list
// open, sees the badge and then the answer; a further reply reaches staff's open thread live.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("a contact writes, staff answer, both see it live", async ({ browser }) => {
  test.setTimeout(120_000);
  const unique = Date.now().toString(36);
  const staffContext = await englishContext(browser);
  const staff = await staffContext.newPage();
  await signInStaff(staff);
  const request = staff.request;
  const email = `marta.${unique}@messages.example`;
  const password = `copper lantern ${unique} five`;
  const customer = await ok(
    await request.post("/api/customers", {
      data: {
        kind: "company",
        name: `Messages Co ${unique}`,
        currency: "EUR",
        paymentTermsDays: 30,
        mayPayByBank: false,
        contacts: [{ name: "Marta Mensajes", email, isPrimary: true }],
      },
    }),
    201,
  );
  await ok(
    await request.post(`/api/customers/${customer.id}/contacts/${customer.contacts[0].id}/portal-access`, {
      data: { mode: "password", password },
    }),
  );
  const settings = await ok(await request.get("/api/portal-settings"));
  await ok(
    await request.put("/api/portal-settings", {
      data: { ...settings, options: { ...settings.options, allowMessages: true } },
    }),
  );

  const portalContext = await englishContext(browser);
  const portal = await portalContext.newPage();
  await signInContact(portal, email, password);

  // Staff keep the list open; the contact writes.
  await staff.goto("/app/messages");
  await expect(staff.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  const subject = `Delivery date ${unique}`;
  await portal.getByRole("link", { name: "Messages", exact: true }).click();
  await portal.getByRole("link", { name: "New message" }).click();
  await portal.getByRole("textbox", { name: "Subject" }).fill(subject);
  await portal.getByRole("textbox", { name: "Message" }).fill("When will the order arrive?");
  await portal.locator('input[type="file"]').setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: PNG,
  });
  await portal.getByRole("button", { name: "Send" }).click();
  await expect(portal.getByText("When will the order arrive?")).toBeVisible();
  await expect(portal.getByRole("link", { name: /Download photo\.png/ })).toBeVisible();

  // Staff see it without reloading: the thread in the list and the unread badge in the navigation.
  const row = staff.getByRole("link", { name: subject });
  await expect(row).toBeVisible();
  await expect(staff.getByTestId("messages-unread")).toBeVisible();
  await row.click();
  await expect(staff.getByText("When will the order arrive?")).toBeVisible();
  await expect(staff.getByRole("link", { name: /Download photo\.png/ })).toBeVisible();

  // The contact goes back to the list; staff answer; the contact's badge and list update live.
  await portal.getByRole("link", { name: "Back to messages" }).click();
  await expect(portal.getByRole("link", { name: subject })).toBeVisible();
  await staff.getByRole("textbox", { name: "Your reply" }).fill("On Thursday morning.");
  await staff.getByRole("button", { name: "Reply" }).click();
  await expect(staff.getByText("On Thursday morning.")).toBeVisible();
  await expect(portal.getByTestId("messages-unread")).toHaveText("1");
  await expect(portal.getByTestId("thread-unread")).toBeVisible();
  await portal.getByRole("link", { name: subject }).click();
  await expect(portal.getByText("On Thursday morning.")).toBeVisible();
  await expect(portal.getByTestId("messages-unread")).toHaveCount(0);

  // With the thread open on both sides, a reply shows up on staff's screen as it arrives.
  await portal.getByRole("textbox", { name: "Your reply" }).fill("Perfect, thank you.");
  await portal.getByRole("button", { name: "Reply" }).click();
  await expect(staff.getByText("Perfect, thank you.")).toBeVisible();
  await expect(staff.getByTestId("message")).toHaveCount(3);

  await ok(await request.put("/api/portal-settings", { data: settings }));
  await staffContext.close();
  await portalContext.close();
});
