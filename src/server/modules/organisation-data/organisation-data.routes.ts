import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { clearCookie, staffCookieName } from "../../http/cookies.js";
import { deleteOrganisation } from "./delete.service.js";
import { exportOrganisation } from "./export.service.js";

/** Export all of an organisation's data and delete the organisation (issue 12 §1): owners only. */
export async function organisationDataRoutes(app: App, { database: { db }, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["organisation"];
  const owner = { action: "organisation.delete" } as const;

  r.get(
    "/api/organisation/export",
    {
      onRequest,
      config: owner,
      schema: { tags, description: "One zip: a JSON file per table, the PDF of every issued document" },
    },
    async (req, reply) => {
      const { zip, filename } = await exportOrganisation(db, staffOf(req).orgId);
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .header("cache-control", "no-store")
        .send(zip);
    },
  );
  r.post(
    "/api/organisation/delete",
    {
      onRequest,
      config: owner,
      schema: { tags, body: z.object({ slug: z.string().max(200) }), response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteOrganisation(db, staffOf(req).orgId, req.body.slug);
      clearCookie(reply, config, staffCookieName(config));
      return reply.code(204).send(null);
    },
  );
}
