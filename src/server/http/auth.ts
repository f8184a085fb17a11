import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client.js";
import { AppError } from "../errors/errors.js";
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

/** onRequest hook of every back-office route (before body validation, so strangers learn nothing): the organisation comes only from the verified session. */
export function requireStaff(db: Db) {
  const hook = async (req: FastifyRequest, _reply: FastifyReply) => {
    const token = req.cookies[staffCookieName(cookieConfigOf(req))];
    const principal = token ? await resolveStaffSession(db, token) : null;
    if (!principal) throw new AppError("UNAUTHENTICATED");
    req.staff = principal;
    // The one role check of the back office (issue 12 §3), before the body is even validated.
    if (!can(principal, staffActionOf(req.method, req.routeOptions.config)))
      throw new AppError("FORBIDDEN_ROLE");
  };
  staffHooks.add(hook);
  return hook;
}

export function staffOf(req: FastifyRequest): StaffPrincipal {
  if (!req.staff) throw new AppError("UNAUTHENTICATED");
  return req.staff;
}
