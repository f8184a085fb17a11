import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  myDetails,
  okResponse,
  payAllBody,
  payInvoiceBody,
  payResult,
  portalBranding,
  portalInvoiceDetail,
  portalInvoiceListQuery,
  portalInvoicePage,
  portalMe,
  slugIdParams,
  slugParams,
  updateMyDetailsBody,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors/errors.js";
import { clearCookie, contactCookieName, cookieOptions } from "../../http/cookies.js";
import { contactOf, requireContact, requirePortal } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import {
  CONTACT_SESSION_HOURS,
  resolveContactSession,
  resolveMovedSlug,
} from "../contact-sessions/contact-sessions.service.js";
import { pdfRoute } from "../documents/pdf-download.js";
import { signOutContact } from "../portal-auth/portal-auth.service.js";
import { startCheckout } from "./checkout.service.js";
import { followDocumentLink } from "./follow-link.service.js";
import { listPortalInvoices } from "./invoice-list.service.js";
import { getMyDetails, updateMyDetails } from "./my-details.service.js";
import { getBranding, getLogo, getPortalInvoice, getPortalMe, portalInvoicePdf } from "./portal.service.js";

export async function portalRoutes(app: App, { database: { db }, config, mailer }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const portal = requirePortal(db);
  const onRequest = requireContact(db);
  const tags = ["portal"];

  r.get(
    "/api/portal/:slug",
    { onRequest: portal, schema: { tags, params: slugParams, response: { 200: portalBranding } } },
    (req) => getBranding(db, req.portalOrgId as string),
  );
  r.get("/api/portal/:slug/logo", { schema: { tags, params: slugParams } }, async (req, reply) => {
    const logo = await getLogo(db, req.params.slug);
    if (!logo) throw new AppError("NOT_FOUND");
    return reply.type(logo.mime).header("cache-control", "public, max-age=86400").send(logo.data);
  });
  r.get(
    "/api/portal/:slug/me",
    { onRequest, schema: { tags, params: slugParams, response: { 200: portalMe } } },
    (req) => getPortalMe(db, contactOf(req)),
  );
  r.post(
    "/api/portal/:slug/logout",
    { onRequest: portal, schema: { tags, params: slugParams, response: { 200: okResponse } } },
    async (req, reply) => {
      const orgId = req.portalOrgId as string;
      const name = contactCookieName(config, orgId);
      const token = req.cookies[name];
      if (token)
        await signOutContact(db, await resolveContactSession(db, orgId, token), token, auditOriginOf(req));
      clearCookie(reply, config, name);
      return { ok: true as const };
    },
  );
  r.get(
    "/api/portal/:slug/invoices",
    {
      onRequest,
      schema: {
        tags,
        params: slugParams,
        querystring: portalInvoiceListQuery,
        response: { 200: portalInvoicePage },
      },
    },
    (req) => listPortalInvoices(db, contactOf(req), req.query),
  );
  r.get(
    "/api/portal/:slug/invoices/:id",
    { onRequest, schema: { tags, params: slugIdParams, response: { 200: portalInvoiceDetail } } },
    (req) => getPortalInvoice(db, { mailer, config }, contactOf(req), req.params.id, auditOriginOf(req)),
  );
  pdfRoute(
    app,
    "/api/portal/:slug/invoices/:id/pdf",
    { onRequest, tags, params: slugIdParams },
    (req, { id }, language) => portalInvoicePdf(db, contactOf(req), id, language, auditOriginOf(req)),
  );
  r.post(
    "/api/portal/:slug/invoices/:id/pay",
    { onRequest, schema: { tags, params: slugIdParams, body: payInvoiceBody, response: { 200: payResult } } },
    (req) =>
      startCheckout(
        db,
        config,
        contactOf(req),
        { kind: "invoice", invoiceId: req.params.id, amountMinor: req.body.amountMinor },
        req.body.idempotencyKey,
        auditOriginOf(req),
        req.body.gateway,
      ),
  );
  r.post(
    "/api/portal/:slug/pay-all",
    { onRequest, schema: { tags, params: slugParams, body: payAllBody, response: { 200: payResult } } },
    (req) =>
      startCheckout(
        db,
        config,
        contactOf(req),
        { kind: "all", currency: req.body.currency },
        req.body.idempotencyKey,
        auditOriginOf(req),
        req.body.gateway,
      ),
  );
  r.get(
    "/api/portal/:slug/me/details",
    { onRequest, schema: { tags, params: slugParams, response: { 200: myDetails } } },
    (req) => getMyDetails(db, contactOf(req)),
  );
  r.put(
    "/api/portal/:slug/me/details",
    {
      onRequest,
      schema: { tags, params: slugParams, body: updateMyDetailsBody, response: { 200: myDetails } },
    },
    (req) => updateMyDetails(db, { mailer, config }, contactOf(req), req.body, auditOriginOf(req)),
  );

  /** The emailed link (D6): signs the contact in to this portal and opens the document. */
  r.get(
    "/p/:slug/l/:token",
    { schema: { hide: true, params: z.object({ slug: z.string().max(60), token: z.string().max(100) }) } },
    async (req, reply) => {
      const slug = req.params.slug.toLowerCase();
      const followed = await followDocumentLink(db, slug, req.params.token, {
        ip: req.ip,
        userAgent: req.headers["user-agent"],
      });
      reply.header("referrer-policy", "no-referrer").header("cache-control", "no-store");
      if (!followed.ok) return reply.redirect(`/p/${encodeURIComponent(slug)}/?error=${followed.code}`, 303);
      reply.setCookie(
        contactCookieName(config, followed.orgId),
        followed.sessionToken,
        cookieOptions(config, CONTACT_SESSION_HOURS * 3600),
      );
      return reply.redirect(followed.path, 303);
    },
  );
}

/**
 * C2, old links keep working: every page under an old portal address (`/p/{old}`, `/p/{old}/…`, and the
 * emailed `/p/{old}/l/{token}`) redirects, permanently and method-preserving, to the same path on the
 * organisation's current slug. Registered on the root so it also covers the web app's HTML routes; the
 * JSON API answers PORTAL_MOVED instead (requirePortal), since a client must learn the new address.
 */
export function registerMovedPortalRedirects(app: App, db: Db): void {
  app.addHook("onRequest", async (req, reply) => {
    if (req.method !== "GET" && req.method !== "HEAD") return;
    const m = /^\/p\/([A-Za-z0-9-]{1,60})(\/.*|\?.*)?$/.exec(req.url);
    if (!m?.[1]) return;
    const newSlug = await resolveMovedSlug(db, m[1]);
    if (newSlug) return reply.redirect(`/p/${newSlug}${m[2] ?? ""}`, 308);
  });
}
