import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client.js";
import { AppError } from "../errors/errors.js";
import { resolveApiKey } from "../modules/api-keys/api-keys.service.js";
import { resolveStaffSession, type StaffPrincipal } from "../modules/auth/auth.service.js";
import { can, defaultActionOf, type StaffAction } from "../modules/team/staff-policy.js";
import { cookieConfigOf, staffCookieName } from "./cookies.js";

declare module "fastify" {
  interface FastifyRequest {
    staff?: StaffPrincipal;
  }
  interface FastifyContextConfig {
    /** What a back-office route does, for the staff policy; a route without one is daily work by its method. */
    action?: StaffAction;
  }
}

const staffHooks = new WeakSet<object>();
/** Is this onRequest hook the staff sign-in check (the OpenAPI document names the action of such routes)? */
export const isStaffHook = (hook: unknown) => typeof hook === "function" && staffHooks.has(hook);

/** The action the staff policy checks for this route: its declared one, else daily work by its method. */
export function staffActionOf(method: string, config: { action?: StaffAction } | undefined): StaffAction {
  return config?.action ?? defaultActionOf(method);
}

const READ_METHODS = new Set(["GET", "HEAD"]);
/**
 * Routes a key may not use: a person's own account (session, password), since a key is not a person, and
 * the keys themselves and the team, so a stolen key can mint neither more keys nor a member
 * (modules/api-keys refuses them too), nor the payment gateways' credentials and choice, so it cannot
 * send the customers' money to another merchant account.
 */
const KEYLESS = ["/api/auth/", "/api/api-keys", "/api/team", "/api/payment-gateways"];

/** Whether a back-office route at this URL takes an API key. */
export const acceptsApiKey = (url: string) => !KEYLESS.some((prefix) => url.startsWith(prefix));

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
    let principal: StaffPrincipal | null;
    if (bearer !== null) principal = await keyPrincipal(db, req, bearer);
    else {
      const token = req.cookies[staffCookieName(cookieConfigOf(req))];
      principal = token ? await resolveStaffSession(db, token) : null;
    }
    if (!principal) throw new AppError("UNAUTHENTICATED");
    req.staff = principal;
    // A required second factor not set up yet: only the person's own account, to set it up (decision 022).
    if (principal.twoFactorSetupRequired && !req.url.startsWith("/api/auth/"))
      throw new AppError("TWO_FACTOR_SETUP_REQUIRED");
    // The one role check of the back office (issue 12 §3), before the body is even validated.
    if (!can(principal, staffActionOf(req.method, req.routeOptions.config)))
      throw new AppError("FORBIDDEN_ROLE");
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

export function staffOf(req: FastifyRequest): StaffPrincipal {
  if (!req.staff) throw new AppError("UNAUTHENTICATED");
  return req.staff;
}
