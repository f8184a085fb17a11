import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  Appointment,
  AvailabilitySettings,
  Customer,
  PortalAppointment,
  SlotsResponse,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { emails, notifications } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, loginStaff, type TestOrg } from "../../test/factories.js";
import { contactSessionCookie, primaryContact, setUpTestApp } from "../../test/scenarios.js";
import { parseIcs } from "./ics.js";
import { allowAppointments } from "./test-support.js";

const { ctx, org, otherOrg } = setUpTestApp("Appointments Org", "Appointments Other Org");

/** Monday 3 March 2031, 08:00 in Madrid. */
const NOW = "2031-03-03T07:00:00Z";
const office = [{ start: "09:00", end: "13:00" }];
const AVAILABILITY: AvailabilitySettings = {
  timeZone: "Europe/Madrid",
  slotMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 60,
  horizonDays: 30,
  weekly: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
  daysOff: [],
  overrides: [],
};
/** Tuesday 4 March 2031 in Madrid (UTC+1). */
const tue = (hhmm: string) => new Date(`2031-03-04T${hhmm}:00+01:00`).toISOString();

const staff = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown, o: TestOrg = org) =>
  ctx.app.inject({ method, url, headers: { cookie: o.cookie }, ...(payload ? { payload } : {}) });

const portal = (cookie: string, method: "GET" | "POST", path: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url: `/api/portal/${org.slug}${path}`,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });

interface Booker {
  customer: Customer;
  cookie: string;
  email: string;
}
async function booker(name: string): Promise<Booker> {
  const customer = await buildCustomer(ctx, org, name);
  const cookie = await contactSessionCookie(ctx, org, customer, "password");
  return { customer, cookie, email: primaryContact(customer).email };
}

async function book(b: Booker, startsAt: string, extra: Record<string, unknown> = {}) {
  return portal(b.cookie, "POST", "/appointments", { startsAt, ...extra });
}

async function booked(
  b: Booker,
  startsAt: string,
  extra: Record<string, unknown> = {},
): Promise<PortalAppointment> {
  const res = await book(b, startsAt, extra);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The .ics attachments emailed to an address, oldest first, parsed. */
async function invitations(to: string) {
  const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(emails).where(eq(emails.toAddress, to)).orderBy(asc(emails.createdAt)),
  );
  return rows
    .filter((r) => r.kind.startsWith("appointment_"))
    .map((r) => {
      const ics = r.attachments.find((a) => a.filename.endsWith(".ics"));
      const text = Buffer.from(ics?.contentBase64 ?? "", "base64").toString("utf8");
      const props = parseIcs(text);
      const value = (name: string) => props.find((p) => p.name === name)?.value;
      return {
        kind: r.kind,
        subject: r.subject,
        body: r.textBody,
        contentType: ics?.contentType,
        text,
        value,
      };
    });
}

let ana: Booker;
let ben: Booker;

beforeAll(async () => {
  clock.setClock(NOW);
  // Sessions are dated by the clock: sign in again at the moved time.
  for (const o of [org, otherOrg]) o.cookie = await loginStaff(ctx, o.email, o.password);
  await allowAppointments(ctx, org, true);
  const res = await staff("PUT", "/api/appointment-settings", AVAILABILITY);
  expect(res.statusCode, res.body).toBe(200);
  ana = await booker("Ana Appointments");
  ben = await booker("Ben Appointments");
});
afterAll(() => clock.resetClock());

describe("availability", () => {
  test("a new organisation has no hours, in its own zone", async () => {
    const res = await staff("GET", "/api/appointment-settings", undefined, otherOrg);
    expect(res.statusCode).toBe(200);
    const s = res.json() as AvailabilitySettings;
    expect(s.timeZone).toBe("Europe/Madrid");
    expect(Object.values(s.weekly).flat()).toEqual([]);
  });

  test("bad hours are refused and change nothing", async () => {
    for (const bad of [
      { ...AVAILABILITY, weekly: { ...AVAILABILITY.weekly, mon: [{ start: "13:00", end: "09:00" }] } },
      {
        ...AVAILABILITY,
        weekly: {
          ...AVAILABILITY.weekly,
          mon: [
            { start: "09:00", end: "12:00" },
            { start: "11:00", end: "13:00" },
          ],
        },
      },
      { ...AVAILABILITY, timeZone: "Mars/Olympus" },
      { ...AVAILABILITY, slotMinutes: 0 },
    ]) {
      const res = await staff("PUT", "/api/appointment-settings", bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await staff("GET", "/api/appointment-settings")).json()).toEqual(AVAILABILITY);
  });
});

describe("slots", () => {
  test("free slots of the asked dates, as UTC instants with the organisation's zone", async () => {
    const res = await portal(ana.cookie, "GET", "/appointment-slots?from=2031-03-04&to=2031-03-04");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as SlotsResponse;
    expect(body.timeZone).toBe("Europe/Madrid");
    expect(body.slots[0]).toEqual({ startsAt: tue("09:00"), endsAt: tue("09:30") });
    expect(body.slots).toHaveLength(8);
  });

  test("a span longer than 31 days, or backwards, is refused", async () => {
    expect(
      (await portal(ana.cookie, "GET", "/appointment-slots?from=2031-03-04&to=2031-04-10")).statusCode,
    ).toBe(400);
    expect(
      (await portal(ana.cookie, "GET", "/appointment-slots?from=2031-03-04&to=2031-03-01")).statusCode,
    ).toBe(400);
  });
});

describe("booking, moving, cancelling", () => {
  test("a contact books with a note: an invitation (REQUEST, SEQUENCE 0) and a staff notification", async () => {
    const a = await booked(ana, tue("10:00"), {
      note: "About the kitchen; bring plans",
      timeZone: "America/New_York",
    });
    expect(a).toMatchObject({
      status: "booked",
      startsAt: tue("10:00"),
      endsAt: tue("10:30"),
      canChange: true,
    });
    const [mail] = await invitations(ana.email);
    expect(mail?.kind).toBe("appointment_booked");
    expect(mail?.contentType).toMatch(/^text\/calendar; charset=utf-8; method=REQUEST$/);
    expect(mail?.value("METHOD")).toBe("REQUEST");
    expect(mail?.value("SEQUENCE")).toBe("0");
    expect(mail?.value("DTSTART")).toBe("20310304T090000Z");
    expect(mail?.value("DESCRIPTION")).toBe("About the kitchen\\; bring plans");
    expect(mail?.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // The time in the zone the contact booked in, named: 10:00 Madrid is 04:00 in New York.
    expect(mail?.body).toMatch(/4:00/);
    expect(mail?.body).toContain("America/New_York");
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(notifications).where(eq(notifications.type, "appointment_booked")),
    );
    expect(rows.some((n) => (n.data as Record<string, unknown>).appointmentId === a.id)).toBe(true);
    // C5: the organisation is emailed too, with a button to the bookings page.
    const staffMail = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(emails).where(eq(emails.kind, "staff_notification")),
    );
    const notice = staffMail.find((m) => m.textBody.includes(`/app/appointments/${a.id}`));
    expect(notice?.subject).toMatch(/Ana Appointments/);
    // The taken slot is gone from everyone's list.
    const slots = (
      await portal(ben.cookie, "GET", "/appointment-slots?from=2031-03-04&to=2031-03-04")
    ).json() as SlotsResponse;
    expect(slots.slots.map((s) => s.startsAt)).not.toContain(tue("10:00"));
  });

  test("another customer asking for a taken slot gets 409 SLOT_TAKEN with the free slots", async () => {
    await booked(ana, tue("11:00"));
    const res = await book(ben, tue("11:00"));
    expect(res.statusCode).toBe(409);
    const problem = res.json() as { code: string; freeSlots: string[] };
    expect(problem.code).toBe("SLOT_TAKEN");
    expect(problem.freeSlots).toContain(tue("11:30"));
    expect(problem.freeSlots).not.toContain(tue("11:00"));
  });

  test("half-open: back-to-back bookings both fit", async () => {
    await booked(ben, tue("12:00"));
    await booked(ana, tue("12:30"));
  });

  test("a time that is not a slot, too soon, or beyond the horizon: 422 SLOT_UNAVAILABLE", async () => {
    for (const at of [tue("09:10"), tue("13:00"), "2031-03-03T07:30:00Z", "2031-04-15T09:00:00+02:00"]) {
      const res = await book(ben, at);
      expect(res.statusCode, at).toBe(422);
      expect(res.json().code).toBe("SLOT_UNAVAILABLE");
    }
  });

  test("reschedule keeps the UID and raises SEQUENCE; cancel sends METHOD:CANCEL with a higher SEQUENCE", async () => {
    const c = await booker("Carla Appointments");
    const a = await booked(c, "2031-03-05T09:00:00+01:00");
    const moved = await portal(c.cookie, "POST", `/appointments/${a.id}/reschedule`, {
      startsAt: "2031-03-05T09:30:00+01:00",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().startsAt).toBe("2031-03-05T08:30:00.000Z");
    const cancelled = await portal(c.cookie, "POST", `/appointments/${a.id}/cancel`, { reason: "Ill" });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: "cancelled",
      cancelReason: "Ill",
      cancelledBy: "contact",
      canChange: false,
    });
    const sent = await invitations(c.email);
    expect(sent.map((m) => m.kind)).toEqual([
      "appointment_booked",
      "appointment_rescheduled",
      "appointment_cancelled",
    ]);
    expect(new Set(sent.map((m) => m.value("UID"))).size).toBe(1);
    expect(sent.map((m) => Number(m.value("SEQUENCE")))).toEqual([0, 1, 2]);
    expect(sent.map((m) => m.value("METHOD"))).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    expect(sent[2]?.value("STATUS")).toBe("CANCELLED");
    expect(sent[1]?.value("DTSTART")).toBe("20310305T083000Z");
    // The freed time is bookable again, and a cancelled appointment cannot change.
    await booked(ben, "2031-03-05T09:30:00+01:00");
    const again = await portal(c.cookie, "POST", `/appointments/${a.id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("APPOINTMENT_NOT_CHANGEABLE");
  });

  test("rescheduling onto a taken slot answers SLOT_TAKEN and leaves it where it was", async () => {
    const d = await booker("Dora Appointments");
    const a = await booked(d, "2031-03-06T09:00:00+01:00");
    await booked(ben, "2031-03-06T10:00:00+01:00");
    const res = await portal(d.cookie, "POST", `/appointments/${a.id}/reschedule`, {
      startsAt: "2031-03-06T10:00:00+01:00",
    });
    expect(res.statusCode).toBe(409);
    const list = (await portal(d.cookie, "GET", "/appointments")).json() as PortalAppointment[];
    expect(list.find((x) => x.id === a.id)?.startsAt).toBe("2031-03-06T08:00:00.000Z");
    expect((await invitations(d.email)).map((m) => m.kind)).toEqual(["appointment_booked"]);
  });
});

describe("who sees what", () => {
  test("another customer's booking is 404 to a contact; another organisation's is 404 to staff", async () => {
    const a = await booked(ana, "2031-03-07T09:00:00+01:00");
    const mine = (await portal(ben.cookie, "GET", "/appointments")).json() as PortalAppointment[];
    expect(mine.map((x) => x.id)).not.toContain(a.id);
    for (const path of [`/appointments/${a.id}/cancel`, `/appointments/${a.id}/reschedule`]) {
      const res = await portal(ben.cookie, "POST", path, { startsAt: "2031-03-07T10:00:00+01:00" });
      expect(res.statusCode, path).toBe(404);
    }
    expect((await staff("GET", `/api/appointments/${a.id}`, undefined, otherOrg)).statusCode).toBe(404);
    expect(
      (await staff("POST", `/api/appointments/${a.id}/cancel`, { reason: "x" }, otherOrg)).statusCode,
    ).toBe(404);
    const other = (
      await staff("GET", "/api/appointments?from=2031-03-01&to=2031-03-31", undefined, otherOrg)
    ).json();
    expect(other.items).toEqual([]);
  });

  test("with the C4 option off the portal answers 403 FEATURE_DISABLED everywhere", async () => {
    await allowAppointments(ctx, org, false);
    try {
      for (const [method, path] of [
        ["GET", "/appointment-slots?from=2031-03-04&to=2031-03-04"],
        ["GET", "/appointments"],
        ["POST", "/appointments"],
      ] as const) {
        const res = await portal(
          ana.cookie,
          method,
          path,
          method === "POST" ? { startsAt: tue("09:00") } : undefined,
        );
        expect(res.statusCode, path).toBe(403);
        expect(res.json().code).toBe("FEATURE_DISABLED");
      }
    } finally {
      await allowAppointments(ctx, org, true);
    }
  });
});

describe("back office", () => {
  test("the bookings of a span, with customer and contact", async () => {
    const res = await staff("GET", "/api/appointments?from=2031-03-04&to=2031-03-04&dir=asc");
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json().items as Appointment[];
    expect(list.map((a) => a.startsAt)).toEqual([tue("10:00"), tue("11:00"), tue("12:00"), tue("12:30")]);
    expect(list[0]).toMatchObject({ customerName: "Ana Appointments", contactEmail: ana.email, sequence: 0 });
    expect((await staff("GET", "/api/appointments?from=2031-03-01&to=2041-08-01")).statusCode).toBe(400);
    expect((await staff("GET", "/api/appointments?from=2031-03-02&to=2031-03-01")).statusCode).toBe(400);
  });

  test("staff cancel with a reason; the contact gets the cancellation", async () => {
    const e = await booker("Eva Appointments");
    const a = await booked(e, "2031-03-10T09:00:00+01:00");
    const blank = await staff("POST", `/api/appointments/${a.id}/cancel`, { reason: " " });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().code).toBe("CANCEL_REASON_REQUIRED");
    const res = await staff("POST", `/api/appointments/${a.id}/cancel`, { reason: "We are closed that day" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "cancelled", cancelledBy: "staff", sequence: 1 });
    const sent = await invitations(e.email);
    expect(sent.map((m) => m.value("METHOD"))).toEqual(["REQUEST", "CANCEL"]);
    expect(sent[1]?.body).toContain("We are closed that day");
    const list = (await portal(e.cookie, "GET", "/appointments")).json() as PortalAppointment[];
    expect(list[0]).toMatchObject({ status: "cancelled", cancelledBy: "staff", canChange: false });
  });
});

describe("the organisation's own appointment email (C7, decision 046)", () => {
  test("a booking is emailed with the text staff wrote, the .ics still attached", async () => {
    for (const lang of ["es", "en"]) {
      const res = await staff("PUT", `/api/email-templates/appointment_booked/${lang}`, {
        subject: "See you on {{ when }}",
        body: "Dear {{ contact_name }}, {{ org_name }} expects you for {{ minutes }} minutes.\n\n{{ button }}",
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const cal = await booker("Cal Custom Text");
    await booked(cal, "2031-03-05T10:00:00.000Z");
    const [sent] = await invitations(cal.email);
    expect(sent?.subject).toMatch(/^See you on /);
    expect(sent?.body).toContain("expects you for 30 minutes.");
    expect(sent?.value("METHOD")).toBe("REQUEST");
  });
});
