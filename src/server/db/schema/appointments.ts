import { customType, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import type { AvailabilitySettings } from "../../../shared/contracts/appointments.js";
import { createdAt, orgId, rowId, tenantPrimaryKey, ts, updatedAt } from "./_columns.js";

/** PostgreSQL's range of timestamptz, as its text form (`["2026-…","2026-…")`): half-open, written with `tstzrange(a, b, '[)')`. */
const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => "tstzrange",
});

/**
 * An organisation's availability for appointments (issue 16 §3, A16): one row, written on the first
 * save; without it the contract's defaults apply (no hours: nothing bookable). Read through
 * modules/appointments only.
 */
export const appointmentSettings = pgTable("appointment_settings", {
  orgId: uuid("org_id").primaryKey(),
  settings: jsonb("settings").$type<Partial<AvailabilitySettings>>().notNull().default({}),
  updatedAt: updatedAt(),
});

export const appointmentStatuses = ["booked", "cancelled"] as const;

/**
 * A booked (or cancelled) appointment. `blocked` is [start − buffer before, end + buffer after): an
 * exclusion constraint (migration appointments_security) refuses two booked rows of one organisation
 * whose blocked ranges overlap, so no two requests can ever double-book (decision 045).
 * `ics_uid` is the calendar UID of every email about it; `sequence` rises with each change (RFC 5545).
 */
export const appointments = pgTable(
  "appointments",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    blocked: tstzrange("blocked").notNull(),
    note: text("note").notNull().default(""),
    /** The zone the contact booked in (its emails show the time there); the organisation's when unknown. */
    contactTimeZone: text("contact_time_zone"),
    status: text("status", { enum: appointmentStatuses }).notNull().default("booked"),
    cancelReason: text("cancel_reason"),
    cancelledBy: text("cancelled_by", { enum: ["contact", "staff"] }),
    cancelledAt: ts("cancelled_at"),
    icsUid: text("ics_uid").notNull(),
    sequence: integer("sequence").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("appointments", t),
    unique("appointments_ics_uid_unique").on(t.orgId, t.icsUid),
    // The staff list walks (org_id, starts_at, id) (issue 19, decision 066).
    index("appointments_list_start_idx").on(t.orgId, t.startsAt, t.id),
  ],
);
