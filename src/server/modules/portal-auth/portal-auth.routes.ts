import type { FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  okResponse,
  portalAcceptBody,
  portalChangePasswordBody,
  portalForgotBody,
  portalInvitation,
  portalLoginBody,
  portalResetBody,
  portalTokenParams,
  slugParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactCookieName, cookieOptions } from "../../http/cookies.js";
import { contactOf, requireContact, requirePortal } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import { CONTACT_SESSION_HOURS } from "../contact-sessions/contact-sessions.service.js";
import {
  acceptInvitation,
  peekInvitation,
  requestPasswordReset,
  resetPassword,
} from "./password-reset.service.js";
import { changeContactPassword, signInContact } from "./portal-auth.service.js";

/** Contacts' own sign-in and passwords (D1 accepting an invitation, D5, D7: one account per portal). */
export async function portalAuthRoutes(app: App, { database: { db }, config, mailer }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const portal = requirePortal(db);
  const signedIn = requireContact(db);
  const deps = { db, config, mailer };
  const tags = ["portal"];
  // Per address, on top of the per-account throttling of sign-in (login-throttle.ts).
  const perIp = (max: number) => ({ rateLimit: { max, timeWindow: "1 minute" } });
  const ok = { ok: true as const };
  const setSession = (reply: FastifyReply, orgId: string, token: string) =>
    reply.setCookie(
      contactCookieName(config, orgId),
      token,
      cookieOptions(config, CONTACT_SESSION_HOURS * 3600),
    );

  r.post(
    "/api/portal/:slug/login",
    {
      onRequest: portal,
      config: perIp(10),
      schema: { tags, params: slugParams, body: portalLoginBody, response: { 200: okResponse } },
    },
    async (req, reply) => {
      const orgId = req.portalOrgId as string;
      const token = await signInContact(
        db,
        orgId,
        { ...req.body, previousToken: req.cookies[contactCookieName(config, orgId)] },
        auditOriginOf(req),
      );
      setSession(reply, orgId, token);
      return ok;
    },
  );
  r.post(
    "/api/portal/:slug/password/forgot",
    {
      onRequest: portal,
      config: perIp(5),
      schema: { tags, params: slugParams, body: portalForgotBody, response: { 200: okResponse } },
    },
    async (req) => {
      await requestPasswordReset(deps, req.portalOrgId as string, req.body.email, auditOriginOf(req));
      return ok;
    },
  );
  r.post(
    "/api/portal/:slug/password/reset",
    {
      onRequest: portal,
      config: perIp(10),
      schema: { tags, params: slugParams, body: portalResetBody, response: { 200: okResponse } },
    },
    async (req) => {
      await resetPassword(deps, req.portalOrgId as string, req.body, auditOriginOf(req));
      return ok;
    },
  );
  r.get(
    "/api/portal/:slug/invitation/:token",
    {
      onRequest: portal,
      config: perIp(30),
      schema: { tags, params: portalTokenParams, response: { 200: portalInvitation } },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
      return peekInvitation(deps, req.portalOrgId as string, req.params.token);
    },
  );
  r.post(
    "/api/portal/:slug/invitation/accept",
    {
      onRequest: portal,
      config: perIp(10),
      schema: { tags, params: slugParams, body: portalAcceptBody, response: { 200: okResponse } },
    },
    async (req, reply) => {
      const orgId = req.portalOrgId as string;
      setSession(reply, orgId, await acceptInvitation(deps, orgId, req.body, auditOriginOf(req)));
      return ok;
    },
  );
  r.post(
    "/api/portal/:slug/password/change",
    {
      onRequest: signedIn,
      config: perIp(10),
      schema: { tags, params: slugParams, body: portalChangePasswordBody, response: { 200: okResponse } },
    },
    async (req) => {
      await changeContactPassword(deps, contactOf(req), req.body, auditOriginOf(req));
      return ok;
    },
  );
}
