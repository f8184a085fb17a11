import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  idParams,
  listTotals,
  okResponse,
  recurringInvoice,
  recurringListQuery,
  recurringPage,
  recurringProfileBody,
  recurringProfileDetail,
  recurringTotalsQuery,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import {
  createProfile,
  deleteProfile,
  getProfile,
  listProfileInvoices,
  listProfiles,
  pauseProfile,
  profileListTotals,
  resumeProfile,
  stopProfile,
  updateProfile,
} from "./recurring.service.js";

/** Recurring invoice profiles (A5, decision 037): daily work, like the invoices they make. */
export async function recurringRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["recurring"];
  const one = { tags, params: idParams, response: { 200: recurringProfileDetail } };

  r.get(
    "/api/recurring-profiles",
    {
      onRequest,
      schema: { tags, querystring: recurringListQuery, response: { 200: recurringPage } },
    },
    (req) => listProfiles(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/recurring-profiles/totals",
    { onRequest, schema: { tags, querystring: recurringTotalsQuery, response: { 200: listTotals } } },
    (req) => profileListTotals(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/recurring-profiles",
    { onRequest, schema: { tags, body: recurringProfileBody, response: { 201: recurringProfileDetail } } },
    async (req, reply) => reply.status(201).send(await createProfile(db, staffOf(req).orgId, req.body)),
  );
  r.get("/api/recurring-profiles/:id", { onRequest, schema: one }, (req) =>
    getProfile(db, staffOf(req).orgId, req.params.id),
  );
  r.put("/api/recurring-profiles/:id", { onRequest, schema: { ...one, body: recurringProfileBody } }, (req) =>
    updateProfile(db, staffOf(req).orgId, req.params.id, req.body),
  );
  r.post("/api/recurring-profiles/:id/pause", { onRequest, schema: one }, (req) =>
    pauseProfile(db, staffOf(req).orgId, req.params.id),
  );
  r.post("/api/recurring-profiles/:id/resume", { onRequest, schema: one }, (req) =>
    resumeProfile(db, staffOf(req).orgId, req.params.id),
  );
  r.post("/api/recurring-profiles/:id/stop", { onRequest, schema: one }, (req) =>
    stopProfile(db, staffOf(req).orgId, req.params.id),
  );
  r.delete(
    "/api/recurring-profiles/:id",
    { onRequest, schema: { tags, params: idParams, response: { 200: okResponse } } },
    async (req) => {
      await deleteProfile(db, staffOf(req).orgId, req.params.id);
      return { ok: true as const };
    },
  );
  r.get(
    "/api/recurring-profiles/:id/invoices",
    { onRequest, schema: { tags, params: idParams, response: { 200: z.array(recurringInvoice) } } },
    (req) => listProfileInvoices(db, staffOf(req).orgId, req.params.id),
  );
}
