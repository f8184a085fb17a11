import { z } from "zod";
import type { FieldErrorCode } from "../field-error-codes.js";
import { isoDate, optionalText, uuid } from "./common.js";
import { dateRangeShape, listPage, listQuery } from "./list-page.js";
import { organisationProfileFields } from "./organisation.js";

/**
 * Appointments (issue 16 §3, A16, E13, decision 045). Staff set when the organisation can be booked;
 * contacts see the free slots (computed by the server in the organisation's time zone, sent as UTC
 * instants that the portal shows in the contact's zone) and book, reschedule or cancel.
 */

/** A wall-clock time of the organisation's day, "HH:MM"; "24:00" ends a range at midnight. */
export const timeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const minutesOfDay = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** One stretch of working hours, half-open: [start, end). */
export const timeRange = z
  .object({ start: timeOfDay, end: timeOfDay })
  .refine((r) => minutesOfDay(r.start) < minutesOfDay(r.end), {
    message: "the end must be after the start",
    path: ["end"],
    params: { code: "end_before_start" satisfies FieldErrorCode },
  });
export type TimeRange = z.infer<typeof timeRange>;

/** A day's ranges, sorted and not overlapping (touching is fine: 09:00–13:00 and 13:00–14:00). */
export const dayRanges = z
  .array(timeRange)
  .max(8)
  .refine(
    (ranges) => {
      const sorted = [...ranges].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
      return sorted.every(
        (r, i) => i === 0 || minutesOfDay(sorted[i - 1]?.end ?? "00:00") <= minutesOfDay(r.start),
      );
    },
    {
      message: "ranges of one day must not overlap",
      params: { code: "listed_twice" satisfies FieldErrorCode },
    },
  );

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const minutes = (max: number) => z.number().int().min(0).max(max);

export const availabilitySettings = z.object({
  /** The zone the hours are in (the organisation's by default). */
  timeZone: organisationProfileFields.timeZone,
  slotMinutes: z.number().int().min(5).max(480),
  bufferBeforeMinutes: minutes(240),
  bufferAfterMinutes: minutes(240),
  /** A slot must start at least this long after now. */
  minNoticeMinutes: minutes(60 * 24 * 60),
  /** A slot must start within this many days from now. */
  horizonDays: z.number().int().min(1).max(365),
  weekly: z.object({
    mon: dayRanges,
    tue: dayRanges,
    wed: dayRanges,
    thu: dayRanges,
    fri: dayRanges,
    sat: dayRanges,
    sun: dayRanges,
  }),
  /** Whole days closed, whatever the weekly hours say. */
  daysOff: z.array(isoDate).max(366),
  /** Days with other hours than the weekly ones (an empty list closes the day too). */
  overrides: z
    .array(z.object({ date: isoDate, ranges: dayRanges }))
    .max(366)
    .refine((list) => new Set(list.map((o) => o.date)).size === list.length, {
      message: "one override per date",
      params: { code: "listed_twice" satisfies FieldErrorCode },
    }),
});
export type AvailabilitySettings = z.infer<typeof availabilitySettings>;

/** A new organisation has no hours: nothing can be booked until staff set them. */
export const DEFAULT_AVAILABILITY: Omit<AvailabilitySettings, "timeZone"> = {
  slotMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 120,
  horizonDays: 30,
  weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  daysOff: [],
  overrides: [],
};

/** The longest span of days one slots query may ask for (longer answers 400). */
export const MAX_SLOT_QUERY_DAYS = 31;

/** A span of dates: `to` not before `from`, at most `maxDays` days (both included). */
const spanProblems =
  (maxDays: number) =>
  (q: { from: string; to: string }, ctx: z.RefinementCtx): void => {
    if (q.to < q.from)
      ctx.addIssue({
        code: "custom",
        message: "to must not be before from",
        path: ["to"],
        params: { code: "end_before_start" satisfies FieldErrorCode },
      });
    else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 >= maxDays)
      ctx.addIssue({
        code: "custom",
        message: `at most ${maxDays} days`,
        path: ["to"],
        params: { code: "too_big" satisfies FieldErrorCode, maximum: maxDays },
      });
  };

/** Calendar dates of the organisation's zone, both included. */
export const slotsQuery = z
  .object({ from: isoDate, to: isoDate })
  .superRefine(spanProblems(MAX_SLOT_QUERY_DAYS));
export type SlotsQuery = z.infer<typeof slotsQuery>;

export const slot = z.object({ startsAt: z.string(), endsAt: z.string() });
export type Slot = z.infer<typeof slot>;

export const slotsResponse = z.object({
  /** The organisation's zone (the hours'); the portal shows the slots in the contact's. */
  timeZone: z.string(),
  slotMinutes: z.number().int(),
  slots: z.array(slot),
});
export type SlotsResponse = z.infer<typeof slotsResponse>;

export const APPOINTMENT_NOTE_MAX = 1000;
export const CANCEL_REASON_MAX = 500;

const instant = z.iso.datetime({ offset: true });

export const bookAppointmentBody = z.object({
  startsAt: instant,
  note: optionalText(APPOINTMENT_NOTE_MAX),
  /** The zone the contact sees the slots in: its emails show the time there. */
  timeZone: z.string().max(100).nullish(),
});
export type BookAppointmentBody = z.input<typeof bookAppointmentBody>;

export const rescheduleAppointmentBody = z.object({
  startsAt: instant,
  timeZone: z.string().max(100).nullish(),
});
export type RescheduleAppointmentBody = z.infer<typeof rescheduleAppointmentBody>;

export const cancelAppointmentBody = z.object({ reason: optionalText(CANCEL_REASON_MAX) });
export type CancelAppointmentBody = z.input<typeof cancelAppointmentBody>;

export const appointmentStatus = z.enum(["booked", "cancelled"]);
export type AppointmentStatus = z.infer<typeof appointmentStatus>;

export const portalAppointment = z.object({
  id: uuid,
  startsAt: z.string(),
  endsAt: z.string(),
  status: appointmentStatus,
  note: z.string(),
  contactName: z.string(),
  cancelReason: z.string().nullable(),
  cancelledBy: z.enum(["contact", "staff"]).nullable(),
  /** Whether this contact may still move or cancel it (booked, not started, not a preview). */
  canChange: z.boolean(),
});
export type PortalAppointment = z.infer<typeof portalAppointment>;

export const appointment = portalAppointment.omit({ canChange: true }).extend({
  customerId: uuid,
  customerName: z.string(),
  contactId: uuid,
  contactEmail: z.string().nullable(),
  sequence: z.number().int(),
  createdAt: z.string(),
});
export type Appointment = z.infer<typeof appointment>;

/**
 * The staff's bookings a keyset page at a time (issue 19, decision 066), by start time;
 * `from`/`to` are dates of the availability's zone, both included.
 */
export const appointmentListQuery = listQuery(
  { ...dateRangeShape, status: appointmentStatus.optional(), customerId: uuid.optional() },
  z.enum(["start"]),
);
export type AppointmentListQuery = z.output<typeof appointmentListQuery>;
export const appointmentPage = listPage(appointment);
export type AppointmentPage = z.infer<typeof appointmentPage>;
