import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { staffRecordXml } from "./record-xml.js";

/**
 * A billing record's AEAT XML as a download (issue 17 §1, decisions 049 and 050): owners and admins, like
 * the other VERI*FACTU routes; another organisation's record is 404.
 */
export async function verifactuRecordXmlRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/verifactu/records/:id/xml",
    {
      onRequest: requireStaff(db),
      config: { action: "organisation.update" },
      schema: { tags: ["verifactu"], params: idParams, produces: ["application/xml"] },
    },
    async (req, reply) => {
      const { xml, filename } = await staffRecordXml(db, staffOf(req).orgId, req.params.id);
      return reply
        .type("application/xml; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .header("cache-control", "private, no-store")
        .send(xml);
    },
  );
}
