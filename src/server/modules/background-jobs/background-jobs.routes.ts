import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  failedJob,
  failedJobPage,
  jobListQuery,
  jobTotalsQuery,
} from "../../../shared/contracts/background-jobs.js";
import { idParams, listTotals } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { failedJobTotals, listFailedJobs, retryJob } from "./background-jobs.service.js";

/** Settings → Background jobs (decision 036): owners and admins see and retry their failed jobs. */
export async function backgroundJobRoutes(app: App, { database: { db }, jobRunner }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["jobs"];
  const config = { action: "organisation.update" } as const;
  r.get(
    "/api/background-jobs",
    { onRequest, config, schema: { tags, querystring: jobListQuery, response: { 200: failedJobPage } } },
    (req) => listFailedJobs(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/background-jobs/totals",
    { onRequest, config, schema: { tags, querystring: jobTotalsQuery, response: { 200: listTotals } } },
    (req) => failedJobTotals(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/background-jobs/:id/retry",
    { onRequest, config, schema: { tags, params: idParams, response: { 200: failedJob } } },
    async (req) => {
      const job = await retryJob(db, staffOf(req).orgId, req.params.id);
      jobRunner?.nudge();
      return job;
    },
  );
}
