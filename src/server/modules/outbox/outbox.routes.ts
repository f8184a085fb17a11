import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  emailDetail,
  idParams,
  listTotals,
  outboxListQuery,
  outboxPage,
  outboxTotalsQuery,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { getAttachment, getEmail, listEmails, outboxListTotals } from "./outbox.service.js";

export async function outboxRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["outbox"];
  r.get(
    "/api/outbox",
    { onRequest, schema: { tags, querystring: outboxListQuery, response: { 200: outboxPage } } },
    (req) => listEmails(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/outbox/totals",
    { onRequest, schema: { tags, querystring: outboxTotalsQuery, response: { 200: listTotals } } },
    (req) => outboxListTotals(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/outbox/:id",
    { onRequest, schema: { tags, params: idParams, response: { 200: emailDetail } } },
    (req) => getEmail(db, staffOf(req).orgId, req.params.id),
  );
  r.get(
    "/api/outbox/:id/attachments/:index",
    {
      onRequest,
      schema: { tags, params: idParams.extend({ index: z.coerce.number().int().min(0).max(20) }) },
    },
    async (req, reply) => {
      const a = await getAttachment(db, staffOf(req).orgId, req.params.id, req.params.index);
      const safeName = a.filename.replace(/[^A-Za-z0-9._-]+/g, "_");
      return reply
        .type(a.contentType)
        .header("content-disposition", `attachment; filename="${safeName}"`)
        .send(a.content);
    },
  );
}
