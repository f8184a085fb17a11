import { expect, test } from "@playwright/test";
import { englishContext, ok, signInContact, signInStaff } from "./helpers.js";

// Issue 16 §3 (A16, E13): a contact books, reschedules and cancels an appointment in the portal; the
// outbox holds three .ics invitations with one UID and a rising SEQUENCE (REQUEST, REQUEST, CANCEL).
const allDay = [{ start: "00:00", end: "24:00" }];

/** One content line's value of an iCalendar text (unfolded). */
const icsValue = (text: string, name: string) =>
  new RegExp(`^${name}(?:;[^:]*)?:(.*)$`, "m").exec(
    text.replace(/\r\n[ \t]/g, "").replace(/\r\n/g, "\n"),
  )?.[1];

test("a contact books, reschedules and cancels an appointment; one UID, rising SEQUENCE", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const unique = Date.now().toString(36);
  const staff = await englishContext(browser);
  const page = await staff.newPage();
  await signInStaff(page);
  const request = page.request;
  const email = `carla.${unique}@appointments.example`;
  const password = `copper lantern ${unique} five`;
  const customer = await ok(
    await request.post("/api/customers", {
      data: {
        kind: "company",
        name: `Citas Co ${unique}`,
        currency: "EUR",
        paymentTermsDays: 30,
        mayPayByBank: false,
        contacts: [{ name: "Carla Citas", email, isPrimary: true }],
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
      data: { ...settings, options: { ...settings.options, allowAppointments: true } },
    }),
  );
  await ok(
    await request.put("/api/appointment-settings", {
      data: {
        timeZone: "Europe/Madrid",
        slotMinutes: 60,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        minNoticeMinutes: 0,
        horizonDays: 60,
        weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
        daysOff: [],
        overrides: [],
      },
    }),
  );

  const contact = await englishContext(browser, { timezoneId: "America/New_York" });
  const portal = await contact.newPage();
  await signInContact(portal, email, password);

  await test.step("the contact books a slot of next week with a note, shown in its own zone", async () => {
    await portal.getByRole("navigation").getByRole("link", { name: "Appointments" }).click();
    await expect(portal.getByRole("heading", { level: 1, name: "Appointments" })).toBeVisible();
    await expect(portal.getByRole("combobox", { name: "Time zone" })).toHaveValue("America/New_York");
    await expect(portal.getByText("Times in America/New_York")).toBeVisible();
    await portal.getByRole("button", { name: "Next week" }).click();
    await portal
      .getByRole("button", { name: /^Book / })
      .nth(10)
      .click();
    const dialog = portal.getByRole("dialog", { name: "Book an appointment" });
    await dialog.getByRole("textbox", { name: /^Note/ }).fill("Kitchen plans, please");
    await dialog.getByRole("button", { name: "Book" }).click();
    await expect(portal.getByText("Appointment booked.")).toBeVisible();
    await expect(portal.getByRole("list", { name: "My appointments" }).getByText("Booked")).toBeVisible();
  });

  await test.step("the contact moves it to another free time", async () => {
    await portal.getByRole("button", { name: "Reschedule" }).click();
    await portal
      .getByRole("button", { name: /^Move here / })
      .nth(14)
      .click();
    await expect(portal.getByText("Appointment moved.")).toBeVisible();
  });

  await test.step("the contact cancels it", async () => {
    await portal.getByRole("button", { name: "Cancel appointment" }).click();
    const dialog = portal.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Reason (optional)" }).fill("Travelling");
    await dialog.getByRole("button", { name: "Cancel the appointment" }).click();
    await expect(portal.getByText("Appointment cancelled.")).toBeVisible();
    await expect(
      portal.getByRole("list", { name: "My appointments" }).getByText("Cancelled", { exact: true }),
    ).toBeVisible();
  });

  await test.step("the outbox holds three invitations: one UID, SEQUENCE 0, 1, 2, REQUEST, REQUEST, CANCEL", async () => {
    const outbox = (
      (await ok(await request.get("/api/outbox?limit=200"))) as {
        items: {
          id: string;
          kind: string;
          toAddress: string;
          createdAt: string;
          attachmentNames: string[];
        }[];
      }
    ).items;
    const mine = outbox
      .filter((e) => e.toAddress === email && e.kind.startsWith("appointment_"))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(mine.map((e) => e.kind)).toEqual([
      "appointment_booked",
      "appointment_rescheduled",
      "appointment_cancelled",
    ]);
    const invites: string[] = [];
    for (const e of mine) {
      expect(e.attachmentNames).toEqual(["appointment.ics"]);
      const res = await request.get(`/api/outbox/${e.id}/attachments/0`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toMatch(/^text\/calendar/);
      invites.push(await res.text());
    }
    expect(new Set(invites.map((text) => icsValue(text, "UID"))).size).toBe(1);
    expect(invites.map((text) => Number(icsValue(text, "SEQUENCE")))).toEqual([0, 1, 2]);
    expect(invites.map((text) => icsValue(text, "METHOD"))).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    expect(icsValue(invites[2] ?? "", "STATUS")).toBe("CANCELLED");
  });
});
