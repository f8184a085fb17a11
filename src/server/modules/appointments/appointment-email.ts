import { eq } from "drizzle-orm";
import { preferredLanguage } from "../../../shared/language.js";
import type { Tx } from "../../db/client.js";
import { appointmentSettings, customers } from "../../db/schema/index.js";
import { renderOrgEmail } from "../../email/editable/render.js";
import { emailLocale } from "../../email/format.js";
import type { StaffMail } from "../notifications/staff-email.js";
import type { OrganisationRow } from "../organisation/organisation.service.js";
import { can, portalOptionsOf } from "../organisation/portal-policy.js";
import { buildIcs } from "./ics.js";

export type AppointmentEmailKind = "appointment_booked" | "appointment_rescheduled" | "appointment_cancelled";

/** What an appointment email needs of the appointment, its customer and contact. */
export interface AppointmentForEmail {
  a: {
    id: string;
    orgId: string;
    customerId: string;
    startsAt: Date;
    endsAt: Date;
    note: string;
    contactTimeZone: string | null;
    status: string;
    cancelReason: string | null;
    cancelledBy: "contact" | "staff" | null;
    icsUid: string;
    sequence: number;
    updatedAt: Date;
  };
  customerName: string;
  contactName: string;
  contactEmail: string | null;
  contactLanguage: string | null;
}

/** "martes, 8 de diciembre de 2026, 10:00" / "Tuesday 8 December 2026 at 10:00", in a zone. */
export function formatWhen(at: Date, lang: "es" | "en", timeZone: string): string {
  return new Intl.DateTimeFormat(emailLocale(lang), {
    dateStyle: "full",
    timeStyle: "short",
    timeZone,
  }).format(at);
}

/** The address part of MAIL_FROM ("Portico <no-reply@x>" → "no-reply@x"). */
const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

async function orgZone(tx: Tx, org: OrganisationRow): Promise<string> {
  const [row] = await tx
    .select({ settings: appointmentSettings.settings })
    .from(appointmentSettings)
    .where(eq(appointmentSettings.orgId, org.id));
  return row?.settings.timeZone ?? org.timeZone;
}

/**
 * The email to the contact who booked, with the invitation as `appointment.ics` (text/calendar,
 * METHOD:REQUEST for a booking or a move, METHOD:CANCEL for a cancellation). Its time is shown in the
 * zone the contact booked in, named; the organisation's when unknown. No address, no email.
 */
export async function emailAppointment(
  tx: Tx,
  { mailer, config }: StaffMail,
  org: OrganisationRow,
  j: AppointmentForEmail,
  kind: AppointmentEmailKind,
  previousStart?: Date,
): Promise<void> {
  if (!j.contactEmail) return;
  const [customer] = await tx
    .select({ language: customers.language })
    .from(customers)
    .where(eq(customers.id, j.a.customerId));
  const lang = preferredLanguage(j.contactLanguage, customer?.language, org.language);
  const zone = j.a.contactTimeZone ?? (await orgZone(tx, org));
  const shown = org.portalEnabled && can(portalOptionsOf(org), "allowAppointments");
  const link = shown ? `${config.publicUrl}/p/${org.portalSlug}/appointments` : null;
  const when = formatWhen(j.a.startsAt, lang, zone);
  const minutes = Math.round((j.a.endsAt.getTime() - j.a.startsAt.getTime()) / 60_000);
  const email = await renderOrgEmail(
    tx,
    org.id,
    kind,
    lang,
    {
      org_name: org.name,
      contact_name: j.contactName,
      when,
      zone,
      minutes,
      note: j.a.note,
      previous: previousStart ? formatWhen(previousStart, lang, zone) : "",
      reason: j.a.cancelReason ?? "",
      by_staff: j.a.cancelledBy === "staff",
      has_link: link !== null,
    },
    { buttonUrl: link, brandColor: org.brandColor },
  );
  const method = kind === "appointment_cancelled" ? "CANCEL" : "REQUEST";
  const ics = buildIcs({
    method,
    uid: j.a.icsUid,
    sequence: j.a.sequence,
    stamp: j.a.updatedAt,
    start: j.a.startsAt,
    end: j.a.endsAt,
    summary: lang === "es" ? `Cita con ${org.name}` : `Appointment with ${org.name}`,
    description: j.a.note,
    organizer: { name: org.name, email: org.email ?? addressOf(config.mailFrom) },
    attendee: { name: j.contactName, email: j.contactEmail },
  });
  await mailer.enqueue(tx, {
    orgId: j.a.orgId,
    kind,
    to: j.contactEmail,
    toName: j.contactName,
    fromName: org.name,
    replyTo: org.email,
    ...email,
    attachments: [
      {
        filename: "appointment.ics",
        contentType: `text/calendar; charset=utf-8; method=${method}`,
        content: Buffer.from(ics, "utf8"),
      },
    ],
  });
}
