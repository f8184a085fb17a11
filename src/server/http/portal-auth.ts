import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client.js";
import { AppError } from "../errors/errors.js";
import {
  type ContactPrincipal,
  resolveContactSession,
  resolveMovedSlug,
  resolvePortalSlug,
} from "../modules/contact-sessions/contact-sessions.service.js";
import { contactCookieName, cookieConfigOf } from "./cookies.js";

declare module "fastify" {
  interface FastifyRequest {
    contact?: ContactPrincipal;
    portalOrgId?: string;
  }
}

/**
 * Resolves `:slug` to a live portal; a switched-off portal answers like a missing one. An old slug (C2)
 * answers 404 PORTAL_MOVED naming the new one in `errors: [{ field: "newSlug", message: <slug> }]`, so
 * the portal app can move itself; thrown (not sent) so every hook that composes this one stops too.
 */
export function requirePortal(db: Db) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const { slug } = req.params as { slug: string };
    const org = await resolvePortalSlug(db, slug);
    if (!org) {
      const newSlug = await resolveMovedSlug(db, slug);
      throw newSlug
        ? new AppError("PORTAL_MOVED", [
            { field: "newSlug", message: newSlug, code: "portal_moved", params: { slug: newSlug } },
          ])
        : new AppError("NOT_FOUND");
    }
    if (!org.enabled) throw new AppError("PORTAL_DISABLED");
    req.portalOrgId = org.id;
  };
}

/** The contact signed in to this organisation's portal (its own cookie, D7). */
export function requireContact(db: Db) {
  const portal = requirePortal(db);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    await portal(req, reply);
    const orgId = req.portalOrgId as string;
    const token = req.cookies[contactCookieName(cookieConfigOf(req), orgId)];
    const principal = token ? await resolveContactSession(db, orgId, token) : null;
    if (!principal) throw new AppError("UNAUTHENTICATED");
    // A staff preview (C6) may look at everything and change nothing.
    if (principal.preview && req.method !== "GET" && req.method !== "HEAD")
      throw new AppError("PREVIEW_READ_ONLY");
    req.contact = principal;
  };
}

export function contactOf(req: FastifyRequest): ContactPrincipal {
  if (!req.contact) throw new AppError("UNAUTHENTICATED");
  return req.contact;
}
