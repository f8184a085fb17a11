import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client.js";
import { AppError } from "../errors/errors.js";
import { resolveStaffSession, type StaffPrincipal } from "../modules/auth/auth.service.js";
import { cookieConfigOf, staffCookieName } from "./cookies.js";

declare module "fastify" {
  interface FastifyRequest {
    staff?: StaffPrincipal;
  }
}

/** onRequest hook of every back-office route (before body validation, so strangers learn nothing): the organisation comes only from the verified session. */
export function requireStaff(db: Db) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const token = req.cookies[staffCookieName(cookieConfigOf(req))];
    const principal = token ? await resolveStaffSession(db, token) : null;
    if (!principal) throw new AppError("UNAUTHENTICATED");
    req.staff = principal;
  };
}

export function staffOf(req: FastifyRequest): StaffPrincipal {
  if (!req.staff) throw new AppError("UNAUTHENTICATED");
  return req.staff;
}
