import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  appointment,
  appointmentListQuery,
  appointmentPage,
  availabilitySettings,
  cancelAppointmentBody,
  idParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import {
  cancelAppointment,
  getAppointment,
  getAvailability,
  listAppointments,
  updateAvailability,
} from "./appointments.service.js";

/**
 * Back office (issue 16 §3, A16): availability (every member reads it, owners and admins change it),
 * the bookings of a span of dates, one booking, cancelling with a reason (daily work).
 */
export async function appointmentRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const mail = { mailer, config };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["appointments"];
  r.get(
    "/api/appointment-settings",
    { onRequest, schema: { tags, response: { 200: availabilitySettings } } },
    (req) => getAvailability(db, staffOf(req).orgId),
  );
  r.put(
    "/api/appointment-settings",
    {
      onRequest,
      config: { action: "organisation.update" },
      schema: { tags, body: availabilitySettings, response: { 200: availabilitySettings } },
    },
    (req) => updateAvailability(db, staffOf(req).orgId, req.body),
  );
  r.get(
    "/api/appointments",
    {
      onRequest,
      schema: { tags, querystring: appointmentListQuery, response: { 200: appointmentPage } },
    },
    (req) => listAppointments(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/appointments/:id",
    { onRequest, schema: { tags, params: idParams, response: { 200: appointment } } },
    (req) => getAppointment(db, staffOf(req).orgId, req.params.id),
  );
  r.post(
    "/api/appointments/:id/cancel",
    {
      onRequest,
      schema: { tags, params: idParams, body: cancelAppointmentBody, response: { 200: appointment } },
    },
    (req) => cancelAppointment(db, mail, staffOf(req).orgId, req.params.id, req.body),
  );
}
