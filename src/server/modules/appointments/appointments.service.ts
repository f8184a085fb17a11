import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import {
  type Appointment,
  type AppointmentListQuery,
  type AppointmentPage,
  type AvailabilitySettings,
  type BookAppointmentBody,
  type CancelAppointmentBody,
  DEFAULT_AVAILABILITY,
  type PortalAppointment,
  type RescheduleAppointmentBody,
  type SlotsQuery,
  type SlotsResponse,
} from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import { dateInZone, timeInZone, wallTimeToInstant } from "../../../shared/zoned-time.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { pgErrorCode } from "../../db/errors.js";
import { appointmentSettings, appointments, contacts, customers } from "../../db/schema/index.js";
import { withContact, withOrg } from "../../db/scope.js";
import { AppError, notFound } from "../../errors/errors.js";
import { type KeysetOrder, keysetSql, readPage } from "../../lists/keyset.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomer } from "../customers/customers.service.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { assertPortalAllows, portalOptionsOf } from "../organisation/portal-policy.js";
import { emailAppointment } from "./appointment-email.js";
import { type Busy, blockedRange, freeSlots, isOfferedStart } from "./slots.js";

/** The stored availability over the defaults; the zone is the organisation's until staff choose one. */
export function availabilityOf(
  stored: Partial<AvailabilitySettings> | undefined,
  orgTimeZone: string,
): AvailabilitySettings {
  return {
    ...DEFAULT_AVAILABILITY,
    timeZone: orgTimeZone,
    ...(stored ?? {}),
    weekly: { ...DEFAULT_AVAILABILITY.weekly, ...(stored?.weekly ?? {}) },
  };
}

async function loadAvailability(tx: Tx, orgId: string): Promise<AvailabilitySettings> {
  const org = await loadOrganisation(tx, orgId);
  const [row] = await tx.select().from(appointmentSettings).where(eq(appointmentSettings.orgId, orgId));
  return availabilityOf(row?.settings, org.timeZone);
}

export function getAvailability(db: Db, orgId: string): Promise<AvailabilitySettings> {
  return withOrg(db, orgId, (tx) => loadAvailability(tx, orgId));
}

export function updateAvailability(
  db: Db,
  orgId: string,
  input: AvailabilitySettings,
): Promise<AvailabilitySettings> {
  const settings: AvailabilitySettings = {
    ...input,
    daysOff: [...new Set(input.daysOff)].sort(),
    overrides: [...input.overrides].sort((a, b) => a.date.localeCompare(b.date)),
  };
  return withOrg(db, orgId, async (tx) => {
    await tx
      .insert(appointmentSettings)
      .values({ orgId, settings })
      .onConflictDoUpdate({ target: appointmentSettings.orgId, set: { settings, updatedAt: clock.now() } });
    return settings;
  });
}

const DAY = 86_400_000;

/**
 * What is taken between two instants in the caller's organisation: the blocked ranges of booked
 * appointments of every customer, through `appointment_busy` (migration appointments_security), which
 * gives a contact's scope the times and nothing else.
 */
async function busyBetween(tx: Tx, from: number, to: number): Promise<Busy[]> {
  const { rows } = (await tx.execute(
    sql`select busy_from, busy_to from appointment_busy(${new Date(from).toISOString()}::timestamptz, ${new Date(to).toISOString()}::timestamptz)`,
  )) as unknown as { rows: { busy_from: Date | string; busy_to: Date | string }[] };
  return rows.map((r) => ({ from: new Date(r.busy_from).getTime(), to: new Date(r.busy_to).getTime() }));
}

/** The free slots of a span of the organisation's dates (the busy read covers days either side for buffers). */
async function slotsOf(
  tx: Tx,
  s: AvailabilitySettings,
  span: { from: string; to: string },
): Promise<{ start: number; end: number }[]> {
  const from = Date.parse(`${span.from}T00:00:00Z`) - 2 * DAY;
  const to = Date.parse(`${span.to}T00:00:00Z`) + 3 * DAY;
  return freeSlots(s, span, clock.nowMs(), await busyBetween(tx, from, to));
}

const slotJson = (s: { start: number; end: number }) => ({
  startsAt: new Date(s.start).toISOString(),
  endsAt: new Date(s.end).toISOString(),
});

async function assertAllowed(tx: Tx, orgId: string) {
  const org = await loadOrganisation(tx, orgId);
  assertPortalAllows(portalOptionsOf(org), "allowAppointments");
  return org;
}

export function listSlots(db: Db, p: ContactPrincipal, q: SlotsQuery): Promise<SlotsResponse> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertAllowed(tx, p.orgId);
    const s = await loadAvailability(tx, p.orgId);
    const slots = await slotsOf(tx, s, q);
    return { timeZone: s.timeZone, slotMinutes: s.slotMinutes, slots: slots.map(slotJson) };
  });
}

type Row = typeof appointments.$inferSelect;

const columns = {
  id: appointments.id,
  orgId: appointments.orgId,
  customerId: appointments.customerId,
  contactId: appointments.contactId,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  note: appointments.note,
  contactTimeZone: appointments.contactTimeZone,
  status: appointments.status,
  cancelReason: appointments.cancelReason,
  cancelledBy: appointments.cancelledBy,
  cancelledAt: appointments.cancelledAt,
  icsUid: appointments.icsUid,
  sequence: appointments.sequence,
  createdAt: appointments.createdAt,
  updatedAt: appointments.updatedAt,
};
export type AppointmentRow = Omit<Row, "blocked">;

const joinedColumns = {
  a: columns,
  customerName: customers.name,
  contactName: contacts.name,
  contactEmail: contacts.email,
  contactLanguage: contacts.language,
};

/** Bookings with their customer and contact, and optionally more columns (a list's sort key). */
function joined<X extends Record<string, SQL>>(tx: Tx, extra?: X) {
  return tx
    .select({ ...joinedColumns, ...(extra as X) })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .innerJoin(contacts, eq(contacts.id, appointments.contactId));
}
type Joined = Awaited<ReturnType<ReturnType<typeof joined<Record<never, SQL>>>["execute"]>>[number];

/** What both sides see of a booking. */
function commonView(j: Joined) {
  return {
    id: j.a.id,
    startsAt: j.a.startsAt.toISOString(),
    endsAt: j.a.endsAt.toISOString(),
    status: j.a.status,
    note: j.a.note,
    contactName: j.contactName,
    cancelReason: j.a.cancelReason,
    cancelledBy: j.a.cancelledBy,
  };
}

function staffView(j: Joined): Appointment {
  return {
    ...commonView(j),
    customerId: j.a.customerId,
    customerName: j.customerName,
    contactId: j.a.contactId,
    contactEmail: j.contactEmail,
    sequence: j.a.sequence,
    createdAt: j.a.createdAt.toISOString(),
  };
}

const changeable = (a: AppointmentRow) => a.status === "booked" && a.startsAt.getTime() > clock.nowMs();

function portalView(j: Joined, p: ContactPrincipal): PortalAppointment {
  return {
    ...commonView(j),
    canChange: !p.preview && changeable(j.a),
  };
}

async function findJoined(tx: Tx, id: string): Promise<Joined> {
  const [row] = await joined(tx).where(eq(appointments.id, id));
  if (!row) throw notFound();
  return row;
}

async function lockAppointment(tx: Tx, id: string): Promise<AppointmentRow> {
  const [row] = await tx.select(columns).from(appointments).where(eq(appointments.id, id)).for("update");
  if (!row) throw notFound();
  return row;
}

export function listPortalAppointments(db: Db, p: ContactPrincipal): Promise<PortalAppointment[]> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertAllowed(tx, p.orgId);
    const rows = await joined(tx)
      .where(eq(appointments.customerId, p.customerId))
      .orderBy(desc(appointments.startsAt))
      .limit(200);
    return rows.map((r) => portalView(r, p));
  });
}

/** The staff list's order (issue 19, decision 066), served by (org_id, starts_at, id). */
const appointmentOrders: Record<AppointmentListQuery["sort"], KeysetOrder> = {
  start: { name: "start", key: appointments.startsAt, cast: "timestamptz", id: appointments.id },
};

/**
 * The staff's bookings a keyset page at a time (no cap: a busy quarter pages like any list), from the
 * start of `from` to the end of `to` in the availability's zone.
 */
export function listAppointments(db: Db, orgId: string, q: AppointmentListQuery): Promise<AppointmentPage> {
  const order = appointmentOrders[q.sort];
  return withOrg(db, orgId, async (tx) => {
    const s = await loadAvailability(tx, orgId);
    const start = q.from ? wallTimeToInstant(q.from, 0, s.timeZone) : null;
    const end = q.to ? wallTimeToInstant(addDays(q.to, 1), 0, s.timeZone) : null;
    return readPage(order, orgId, q, async (plan) => {
      const ks = keysetSql(order, plan);
      const rows = await joined(tx, { sortKey: ks.sortKey })
        .where(
          and(
            eq(appointments.orgId, orgId),
            start === null ? undefined : gte(appointments.startsAt, new Date(start)),
            end === null ? undefined : lt(appointments.startsAt, new Date(end)),
            q.status ? eq(appointments.status, q.status) : undefined,
            q.customerId ? eq(appointments.customerId, q.customerId) : undefined,
            ks.where,
          ),
        )
        .orderBy(...ks.orderBy)
        .limit(plan.limit);
      return rows.map((r) => ({ item: staffView(r), key: r.sortKey, id: r.a.id }));
    });
  });
}

export function getAppointment(db: Db, orgId: string, id: string): Promise<Appointment> {
  return withOrg(db, orgId, async (tx) => staffView(await findJoined(tx, id)));
}

/** A refused booking: the exclusion constraint saw an overlapping booked appointment. */
const isOverlap = (err: unknown) => {
  const e = pgErrorCode(err);
  return e.code === "23P01";
};

/**
 * SLOT_TAKEN with the free slots of that day and the next (read afresh in a new transaction: the one
 * that failed is aborted).
 */
async function slotTaken(db: Db, p: ContactPrincipal, start: number): Promise<AppError> {
  const free = await withContact(db, p.orgId, p.customerId, async (tx) => {
    const s = await loadAvailability(tx, p.orgId);
    const date = dateInZone(start, s.timeZone);
    return slotsOf(tx, s, { from: date, to: addDays(date, 1) });
  });
  return new AppError("SLOT_TAKEN", [], undefined, {
    freeSlots: free.slice(0, 50).map((s) => new Date(s.start).toISOString()),
  });
}

function checkOffered(s: AvailabilitySettings, start: number): void {
  if (!isOfferedStart(s, start, clock.nowMs())) throw new AppError("SLOT_UNAVAILABLE");
}

const rangeSql = (r: Busy) =>
  sql`tstzrange(${new Date(r.from).toISOString()}::timestamptz, ${new Date(r.to).toISOString()}::timestamptz, '[)')`;

const knownZone = (tz: string | null | undefined): string | null => {
  if (!tz) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
};

/**
 * A contact books a free slot: it must be one the availability offers now (SLOT_UNAVAILABLE), and the
 * database refuses it when another booking's blocked range overlaps (SLOT_TAKEN, with the free slots).
 * The contact is emailed an invitation (.ics, METHOD:REQUEST, SEQUENCE 0); staff are notified (A13).
 */
export async function bookAppointment(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  body: BookAppointmentBody,
): Promise<PortalAppointment> {
  const start = Date.parse(body.startsAt);
  try {
    const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
      const org = await assertAllowed(tx, p.orgId);
      await loadCustomer(tx, p.customerId);
      const s = await loadAvailability(tx, p.orgId);
      checkOffered(s, start);
      const id = randomUUID();
      const end = start + s.slotMinutes * 60_000;
      await tx.insert(appointments).values({
        id,
        orgId: p.orgId,
        customerId: p.customerId,
        contactId: p.contactId,
        startsAt: new Date(start),
        endsAt: new Date(end),
        blocked: rangeSql(blockedRange(s, start)) as unknown as string,
        note: body.note ?? "",
        contactTimeZone: knownZone(body.timeZone),
        icsUid: `${id}@portico`,
        sequence: 0,
      });
      const j = await findJoined(tx, id);
      await emailAppointment(tx, mail, org, j, "appointment_booked");
      await notify(tx, mail, p.orgId, "appointment_booked", notifyData(j, s.timeZone));
      return portalView(j, p);
    });
    mail.mailer.deliverQueued();
    return result;
  } catch (err) {
    if (isOverlap(err)) throw await slotTaken(db, p, start);
    throw err;
  }
}

function notifyData(j: Joined, timeZone: string): Record<string, string | number | null> {
  return {
    appointmentId: j.a.id,
    customerId: j.a.customerId,
    customerName: j.customerName,
    contactName: j.contactName,
    startsAt: j.a.startsAt.toISOString(),
    timeZone,
    // What the staff email and the in-app text show: the time in the organisation's zone, named.
    number: `${dateInZone(j.a.startsAt.getTime(), timeZone)} ${timeInZone(j.a.startsAt.getTime(), timeZone)} (${timeZone})`,
    reason: j.a.cancelReason ?? "",
  };
}

/** Moves a booked appointment to another free slot: same UID, SEQUENCE + 1, a new REQUEST. */
export async function rescheduleAppointment(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  id: string,
  body: RescheduleAppointmentBody,
): Promise<PortalAppointment> {
  const start = Date.parse(body.startsAt);
  try {
    const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
      const org = await assertAllowed(tx, p.orgId);
      const a = await lockAppointment(tx, id);
      if (!changeable(a)) throw new AppError("APPOINTMENT_NOT_CHANGEABLE");
      const s = await loadAvailability(tx, p.orgId);
      checkOffered(s, start);
      await tx
        .update(appointments)
        .set({
          startsAt: new Date(start),
          endsAt: new Date(start + s.slotMinutes * 60_000),
          blocked: rangeSql(blockedRange(s, start)) as unknown as string,
          sequence: sql`${appointments.sequence} + 1`,
          ...(knownZone(body.timeZone) ? { contactTimeZone: knownZone(body.timeZone) } : {}),
          updatedAt: clock.now(),
        })
        .where(eq(appointments.id, id));
      const j = await findJoined(tx, id);
      await emailAppointment(tx, mail, org, j, "appointment_rescheduled", a.startsAt);
      return portalView(j, p);
    });
    mail.mailer.deliverQueued();
    return result;
  } catch (err) {
    if (isOverlap(err)) throw await slotTaken(db, p, start);
    throw err;
  }
}

async function cancelInTx(
  tx: Tx,
  mail: StaffMail,
  orgId: string,
  id: string,
  by: "contact" | "staff",
  reason: string | null,
): Promise<Joined> {
  const org = await loadOrganisation(tx, orgId);
  const a = await lockAppointment(tx, id);
  if (!changeable(a)) throw new AppError("APPOINTMENT_NOT_CHANGEABLE");
  if (by === "staff" && !reason) throw new AppError("CANCEL_REASON_REQUIRED");
  await tx
    .update(appointments)
    .set({
      status: "cancelled",
      cancelReason: reason,
      cancelledBy: by,
      cancelledAt: clock.now(),
      sequence: sql`${appointments.sequence} + 1`,
      updatedAt: clock.now(),
    })
    .where(eq(appointments.id, id));
  const j = await findJoined(tx, id);
  await emailAppointment(tx, mail, org, j, "appointment_cancelled");
  // Staff hear of a contact's cancellation; their own needs no notice.
  if (by === "contact") {
    const s = await loadAvailability(tx, orgId);
    await notify(tx, mail, orgId, "appointment_cancelled", notifyData(j, s.timeZone));
  }
  return j;
}

/** The contact cancels (an optional reason): METHOD:CANCEL with the same UID and SEQUENCE + 1. */
export async function cancelPortalAppointment(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  id: string,
  body: CancelAppointmentBody,
): Promise<PortalAppointment> {
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertAllowed(tx, p.orgId);
    return portalView(await cancelInTx(tx, mail, p.orgId, id, "contact", body.reason ?? null), p);
  });
  mail.mailer.deliverQueued();
  return result;
}

/** Staff cancel with a reason (CANCEL_REASON_REQUIRED when blank); the contact gets the cancellation. */
export async function cancelAppointment(
  db: Db,
  mail: StaffMail,
  orgId: string,
  id: string,
  body: CancelAppointmentBody,
): Promise<Appointment> {
  const reason = body.reason?.trim() || null;
  const result = await withOrg(db, orgId, async (tx) =>
    staffView(await cancelInTx(tx, mail, orgId, id, "staff", reason)),
  );
  mail.mailer.deliverQueued();
  return result;
}
