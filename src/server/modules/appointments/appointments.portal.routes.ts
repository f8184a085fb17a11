import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  bookAppointmentBody,
  cancelAppointmentBody,
  portalAppointment,
  rescheduleAppointmentBody,
  slotsQuery,
  slotsResponse,
  slugIdParams,
  slugParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import {
  bookAppointment,
  cancelPortalAppointment,
  listPortalAppointments,
  listSlots,
  rescheduleAppointment,
} from "./appointments.service.js";

/** The contact's appointments (E13), behind C4 allowAppointments (else 403 FEATURE_DISABLED). */
export async function portalAppointmentRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const mail = { mailer, config };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireContact(db);
  const tags = ["portal"];
  r.get(
    "/api/portal/:slug/appointment-slots",
    {
      onRequest,
      schema: { tags, params: slugParams, querystring: slotsQuery, response: { 200: slotsResponse } },
    },
    (req) => listSlots(db, contactOf(req), req.query),
  );
  r.get(
    "/api/portal/:slug/appointments",
    { onRequest, schema: { tags, params: slugParams, response: { 200: z.array(portalAppointment) } } },
    (req) => listPortalAppointments(db, contactOf(req)),
  );
  r.post(
    "/api/portal/:slug/appointments",
    {
      onRequest,
      schema: { tags, params: slugParams, body: bookAppointmentBody, response: { 200: portalAppointment } },
    },
    (req) => bookAppointment(db, mail, contactOf(req), req.body),
  );
  r.post(
    "/api/portal/:slug/appointments/:id/reschedule",
    {
      onRequest,
      schema: {
        tags,
        params: slugIdParams,
        body: rescheduleAppointmentBody,
        response: { 200: portalAppointment },
      },
    },
    (req) => rescheduleAppointment(db, mail, contactOf(req), req.params.id, req.body),
  );
  r.post(
    "/api/portal/:slug/appointments/:id/cancel",
    {
      onRequest,
      schema: {
        tags,
        params: slugIdParams,
        body: cancelAppointmentBody,
        response: { 200: portalAppointment },
      },
    },
    (req) => cancelPortalAppointment(db, mail, contactOf(req), req.params.id, req.body),
  );
}
