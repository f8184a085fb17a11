import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client.js";
import { AppError } from "../errors/errors.js";
import {
  type ContactPrincipal,
  type PortalOrg,
  resolveMovedSlug,
  resolvePortalRequest,
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
    const { org } = await resolvePortalRequest(db, slugOf(req), []);
    await admitPortal(db, req, org);
  };
}

/**
 * The contact signed in to this organisation's portal (its own cookie, D7). The portal and the session
 * are resolved in one statement (decision 031), so the cookie is read before the organisation is known:
 * the cookie of each organisation is named after it, and the statement checks it belongs to this one.
 */
export function requireContact(db: Db) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const { org, principal } = await resolvePortalRequest(db, slugOf(req), contactTokensOf(req));
    await admitPortal(db, req, org);
    if (!principal) throw new AppError("UNAUTHENTICATED");
    // A staff preview (C6) may look at everything and change nothing.
    if (principal.preview && req.method !== "GET" && req.method !== "HEAD")
      throw new AppError("PREVIEW_READ_ONLY");
    req.contact = principal;
  };
}

const slugOf = (req: FastifyRequest) => (req.params as { slug: string }).slug;

/**
 * The contact session cookies of the request. Each organisation's cookie is named after its id (D7),
 * which only the slug's look-up gives; so all of them go to that look-up, which takes the one whose
 * session belongs to the slug's organisation (a few at most: one per portal the browser is signed in to).
 */
function contactTokensOf(req: FastifyRequest): string[] {
  const prefix = contactCookieName(cookieConfigOf(req), "");
  return Object.entries(req.cookies)
    .filter(([name, value]) => name.startsWith(prefix) && value)
    .map(([, value]) => value as string)
    .slice(0, MAX_PORTAL_COOKIES);
}

/** More contact cookies than any browser holds are ignored beyond this many. */
const MAX_PORTAL_COOKIES = 20;

/** A switched-off portal answers like a missing one; an old slug (C2) answers PORTAL_MOVED. */
async function admitPortal(db: Db, req: FastifyRequest, org: PortalOrg | null): Promise<void> {
  if (!org) {
    const newSlug = await resolveMovedSlug(db, slugOf(req));
    throw newSlug
      ? new AppError("PORTAL_MOVED", [
          { field: "newSlug", message: newSlug, code: "portal_moved", params: { slug: newSlug } },
        ])
      : new AppError("NOT_FOUND");
  }
  if (!org.enabled) throw new AppError("PORTAL_DISABLED");
  req.portalOrgId = org.id;
}

export function contactOf(req: FastifyRequest): ContactPrincipal {
  if (!req.contact) throw new AppError("UNAUTHENTICATED");
  return req.contact;
}
