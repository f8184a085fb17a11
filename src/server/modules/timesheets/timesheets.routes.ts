import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idParams,
  rejectTimesheetBody,
  submitTimesheetBody,
  timesheetDetail,
  timesheetListQuery,
  timesheetListTotals as timesheetListTotalsShape,
  timesheetPage,
  timesheetTotalsQuery,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import {
  decideAsStaff,
  getTimesheet,
  listTimesheets,
  submitTimesheet,
  timesheetListTotals,
} from "./timesheets.service.js";

/** Back-office timesheets (issue 15 §5): submit a project's time for approval, list, read, decide. */
export async function timesheetRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["timesheets"];
  const one = { tags, params: idParams, response: { 200: timesheetDetail } };

  r.post(
    "/api/projects/:id/timesheets",
    {
      onRequest,
      schema: { tags, params: idParams, body: submitTimesheetBody, response: { 201: timesheetDetail } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await submitTimesheet(db, { mailer, config }, staffOf(req), req.params.id, req.body)),
  );
  r.get(
    "/api/timesheets",
    {
      onRequest,
      schema: { tags, querystring: timesheetListQuery, response: { 200: timesheetPage } },
    },
    (req) => listTimesheets(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/timesheets/totals",
    {
      onRequest,
      schema: { tags, querystring: timesheetTotalsQuery, response: { 200: timesheetListTotalsShape } },
    },
    (req) => timesheetListTotals(db, staffOf(req).orgId, req.query),
  );
  r.get("/api/timesheets/:id", { onRequest, schema: one }, (req) =>
    getTimesheet(db, staffOf(req).orgId, req.params.id),
  );
  r.post("/api/timesheets/:id/approve", { onRequest, schema: one }, (req) =>
    decideAsStaff(db, staffOf(req), req.params.id, { approve: true }, req.ip),
  );
  r.post("/api/timesheets/:id/reject", { onRequest, schema: { ...one, body: rejectTimesheetBody } }, (req) =>
    decideAsStaff(db, staffOf(req), req.params.id, { approve: false, reason: req.body.reason }, req.ip),
  );
}
