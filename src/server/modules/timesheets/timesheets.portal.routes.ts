import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  approveTimesheetBody,
  portalProjectDetail,
  portalProjectSummary,
  portalTimesheetDetail,
  portalTimesheetListQuery,
  portalTimesheetSummary,
  rejectTimesheetBody,
  slugIdParams,
  slugParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import {
  approvePortalTimesheet,
  getPortalProject,
  getPortalTimesheet,
  listPortalProjects,
  listPortalTimesheets,
  rejectPortalTimesheet,
} from "./timesheets.portal.service.js";

/** The contact's projects (E7) and timesheets (E8), behind C4 showProjects. */
export async function portalTimesheetRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const mail = { mailer, config };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireContact(db);
  const tags = ["portal"];
  const one = { tags, params: slugIdParams, response: { 200: portalTimesheetDetail } };

  r.get(
    "/api/portal/:slug/timesheets",
    {
      onRequest,
      schema: {
        tags,
        params: slugParams,
        querystring: portalTimesheetListQuery,
        response: { 200: z.array(portalTimesheetSummary) },
      },
    },
    (req) => listPortalTimesheets(db, contactOf(req), req.query),
  );
  r.get("/api/portal/:slug/timesheets/:id", { onRequest, schema: one }, (req) =>
    getPortalTimesheet(db, contactOf(req), req.params.id),
  );
  r.post(
    "/api/portal/:slug/timesheets/:id/approve",
    { onRequest, schema: { ...one, body: approveTimesheetBody } },
    (req) => approvePortalTimesheet(db, mail, contactOf(req), req.params.id, req.body, auditOriginOf(req)),
  );
  r.post(
    "/api/portal/:slug/timesheets/:id/reject",
    { onRequest, schema: { ...one, body: rejectTimesheetBody } },
    (req) =>
      rejectPortalTimesheet(db, mail, contactOf(req), req.params.id, req.body.reason, auditOriginOf(req)),
  );
  r.get(
    "/api/portal/:slug/projects",
    {
      onRequest,
      schema: { tags, params: slugParams, response: { 200: z.array(portalProjectSummary) } },
    },
    (req) => listPortalProjects(db, contactOf(req)),
  );
  r.get(
    "/api/portal/:slug/projects/:id",
    { onRequest, schema: { tags, params: slugIdParams, response: { 200: portalProjectDetail } } },
    (req) => getPortalProject(db, contactOf(req), req.params.id),
  );
}
