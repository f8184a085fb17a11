import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client.js";
import { AppError } from "../errors/errors.js";
import { resolveApiKey } from "../modules/api-keys/api-keys.service.js";
import { resolveStaffSession, type StaffPrincipal } from "../modules/auth/auth.service.js";
import { cookieConfigOf, staffCookieName } from "./cookies.js";

declare module "fastify" {
  interface FastifyRequest {
    staff?: StaffPrincipal;
  }
}

const READ_METHODS = new Set(["GET", "HEAD"]);
/**
 * Routes a key may not use: a person's own account (session, password), since a key is not a person, and
 * the keys themselves, so a stolen key cannot mint more (modules/api-keys refuses them too).
 */
const KEYLESS = ["/api/auth/", "/api/api-keys"];

/** Whether a back-office route at this URL takes an API key. */
export const acceptsApiKey = (url: string) => !KEYLESS.some((prefix) => url.startsWith(prefix));
/** Marks the hooks requireStaff returns, so the OpenAPI document can say which routes take a key. */
const staffHooks = new WeakSet<object>();

/** The key of an `Authorization: Bearer <key>` header, or null. */
export function bearerOf(req: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return match?.[1] ?? null;
}

/**
 * onRequest hook of every back-office route (before body validation, so strangers learn nothing): the
 * organisation comes only from the verified session, or from the API key of a bearer request (G5).
 */
export function requireStaff(db: Db) {
  const hook = async (req: FastifyRequest, _reply: FastifyReply) => {
    const bearer = bearerOf(req);
    if (bearer !== null) {
      req.staff = await keyPrincipal(db, req, bearer);
      return;
    }
    const token = req.cookies[staffCookieName(cookieConfigOf(req))];
    const principal = token ? await resolveStaffSession(db, token) : null;
    if (!principal) throw new AppError("UNAUTHENTICATED");
    req.staff = principal;
  };
  staffHooks.add(hook);
  return hook;
}

async function keyPrincipal(db: Db, req: FastifyRequest, bearer: string): Promise<StaffPrincipal> {
  const principal = await resolveApiKey(db, bearer);
  if (!principal?.apiKey) throw new AppError("API_KEY_INVALID");
  if (!acceptsApiKey(req.url)) throw new AppError("API_KEY_NOT_ALLOWED");
  if (principal.apiKey.scope === "read" && !READ_METHODS.has(req.method))
    throw new AppError("API_KEY_READ_ONLY");
  return principal;
}

/** Whether a route's onRequest hooks include requireStaff's: it takes a session cookie or an API key. */
export function isStaffRoute(onRequest: unknown): boolean {
  const hooks = Array.isArray(onRequest) ? onRequest : [onRequest];
  return hooks.some((h) => typeof h === "function" && staffHooks.has(h));
}

export function staffOf(req: FastifyRequest): StaffPrincipal {
  if (!req.staff) throw new AppError("UNAUTHENTICATED");
  return req.staff;
}
