import type { FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idParams,
  portalFacturaeAvailability,
  signingCertificateBody,
  signingCertificateStatus,
  slugIdParams,
  slugParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import {
  type FacturaeFile,
  portalFacturae,
  portalFacturaeAvailable,
  staffFacturae,
} from "./facturae.service.js";
import {
  deleteSigningCertificate,
  getSigningCertificate,
  saveSigningCertificate,
} from "./signing-certificate.service.js";

/** A signed Facturae file as a download (`.xsig`: the extension FACe and the Ministry's tools expect). */
const replyFacturae = (reply: FastifyReply, { xml, filename }: FacturaeFile) =>
  reply
    .type("application/xml; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "private, no-store")
    .send(xml);

/**
 * Facturae 3.2.2 with XAdES-EPES (issue 17 §3, decision 053): the organisation's signing certificate in
 * Settings (owners and admins; only its facts are ever answered) and the signed file of an issued invoice
 * in the back office and the portal, with the PDF's scope rules.
 */
export async function facturaeRoutes(app: App, { database: { db }, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = requireStaff(db);
  const contact = requireContact(db);
  const manage = { action: "organisation.update" as const };

  r.get(
    "/api/organisation/signing-certificate",
    { onRequest: staff, schema: { tags: ["organisation"], response: { 200: signingCertificateStatus } } },
    (req) => getSigningCertificate(db, staffOf(req).orgId),
  );
  r.put(
    "/api/organisation/signing-certificate",
    {
      onRequest: staff,
      config: manage,
      bodyLimit: 128 * 1024,
      schema: {
        tags: ["organisation"],
        body: signingCertificateBody,
        response: { 200: signingCertificateStatus },
      },
    },
    (req) => {
      const s = staffOf(req);
      return saveSigningCertificate(db, config, s.orgId, s.userId, req.body);
    },
  );
  r.delete(
    "/api/organisation/signing-certificate",
    { onRequest: staff, config: manage, schema: { tags: ["organisation"] } },
    async (req, reply) => {
      await deleteSigningCertificate(db, staffOf(req).orgId);
      return reply.code(204).send();
    },
  );
  r.get(
    "/api/invoices/:id/facturae",
    { onRequest: staff, schema: { tags: ["invoices"], params: idParams, produces: ["application/xml"] } },
    async (req, reply) =>
      replyFacturae(reply, await staffFacturae(db, config, staffOf(req).orgId, req.params.id)),
  );
  r.get(
    "/api/portal/:slug/facturae",
    {
      onRequest: contact,
      schema: { tags: ["portal"], params: slugParams, response: { 200: portalFacturaeAvailability } },
    },
    (req) => portalFacturaeAvailable(db, contactOf(req)),
  );
  r.get(
    "/api/portal/:slug/invoices/:id/facturae",
    { onRequest: contact, schema: { tags: ["portal"], params: slugIdParams, produces: ["application/xml"] } },
    async (req, reply) =>
      replyFacturae(
        reply,
        await portalFacturae(db, config, contactOf(req), req.params.id, auditOriginOf(req)),
      ),
  );
}
