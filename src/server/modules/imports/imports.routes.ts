import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  idParams,
  importBody,
  importJob,
  importKind,
  importPreview,
  MAX_IMPORT_BYTES,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { templateCsv } from "./columns.js";
import { createImportJob, getImportJob, previewImport } from "./imports.service.js";

/** CSV import of customers and invoices (issue 12 §2, decision 029): an admin's action. */
export async function importRoutes(app: App, { database: { db }, jobRunner }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["imports"];
  const config = { action: "data.import" } as const;
  // The CSV travels as a JSON string: escaping may grow it, so the body may be larger than the file.
  const bodyLimit = 2 * MAX_IMPORT_BYTES + 64 * 1024;

  r.get(
    "/api/imports/template",
    { onRequest, config, schema: { tags, querystring: z.object({ kind: importKind }) } },
    async (req, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="portico-${req.query.kind}.csv"`)
        .send(templateCsv(req.query.kind)),
  );
  r.post(
    "/api/imports/preview",
    { onRequest, config, bodyLimit, schema: { tags, body: importBody, response: { 200: importPreview } } },
    (req) => previewImport(db, staffOf(req).orgId, req.body),
  );
  r.post(
    "/api/imports",
    { onRequest, config, bodyLimit, schema: { tags, body: importBody, response: { 202: importJob } } },
    async (req, reply) => {
      const staff = staffOf(req);
      const job = await createImportJob(db, staff.orgId, staff.userId, req.body);
      jobRunner?.nudge();
      return reply.status(202).send(job);
    },
  );
  r.get(
    "/api/imports/:id",
    { onRequest, config, schema: { tags, params: idParams, response: { 200: importJob } } },
    (req) => getImportJob(db, staffOf(req).orgId, req.params.id),
  );
}
