import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  bulkInviteBody,
  bulkInviteReport,
  contactPortalAccess,
  customerContactParams,
  customerIdParams,
  enablePortalAccessBody,
  portalAccessChanged,
  previewResult,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { contactCookieName, cookieOptions } from "../../http/cookies.js";
import { bulkInvite } from "./bulk-invite.service.js";
import {
  disableContactAccess,
  disableCustomerAccess,
  enablePortalAccess,
  listPortalAccess,
  reinviteContact,
} from "./portal-access.service.js";
import { PREVIEW_MINUTES, startPreview } from "./preview.service.js";

export async function portalAccessRoutes(app: App, { database: { db }, config, mailer }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["portal access"];
  const deps = { db, config, mailer };
  const contactPath = "/api/customers/:customerId/contacts/:contactId";

  r.get(
    "/api/customers/:customerId/portal-access",
    {
      onRequest,
      schema: { tags, params: customerIdParams, response: { 200: z.array(contactPortalAccess) } },
    },
    (req) => listPortalAccess(db, staffOf(req).orgId, req.params.customerId),
  );
  r.post(
    `${contactPath}/portal-access`,
    {
      onRequest,
      schema: {
        tags,
        params: customerContactParams,
        body: enablePortalAccessBody,
        response: { 200: portalAccessChanged },
      },
    },
    (req) =>
      enablePortalAccess(deps, staffOf(req).orgId, req.params.customerId, req.params.contactId, req.body),
  );
  r.post(
    `${contactPath}/portal-access/reinvite`,
    { onRequest, schema: { tags, params: customerContactParams, response: { 200: portalAccessChanged } } },
    (req) => reinviteContact(deps, staffOf(req).orgId, req.params.customerId, req.params.contactId),
  );
  r.delete(
    `${contactPath}/portal-access`,
    { onRequest, schema: { tags, params: customerContactParams, response: { 200: portalAccessChanged } } },
    (req) => disableContactAccess(db, staffOf(req).orgId, req.params.customerId, req.params.contactId),
  );
  r.delete(
    "/api/customers/:customerId/portal-access",
    { onRequest, schema: { tags, params: customerIdParams, response: { 200: portalAccessChanged } } },
    (req) => disableCustomerAccess(db, staffOf(req).orgId, req.params.customerId),
  );
  r.post(
    "/api/portal-access/bulk",
    { onRequest, schema: { tags, body: bulkInviteBody, response: { 200: bulkInviteReport } } },
    (req) => bulkInvite(deps, staffOf(req).orgId, req.body.customerIds),
  );
  r.post(
    `${contactPath}/preview`,
    { onRequest, schema: { tags, params: customerContactParams, response: { 200: previewResult } } },
    async (req, reply) => {
      const { token, url } = await startPreview(
        db,
        staffOf(req),
        req.params.customerId,
        req.params.contactId,
        { ip: req.ip, userAgent: req.headers["user-agent"] },
      );
      reply.setCookie(
        contactCookieName(config, staffOf(req).orgId),
        token,
        cookieOptions(config, PREVIEW_MINUTES * 60),
      );
      return { url };
    },
  );
}
