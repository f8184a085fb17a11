import type { FastifyReply } from "fastify";
import type { Config } from "../../config.js";
import { cookieOptions, staffCookieName } from "../../http/cookies.js";
import { STAFF_SESSION_DAYS } from "./auth.service.js";

/** The staff session cookie of a new session (sign-in, sign-up, switching organisation). */
export function setStaffCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(staffCookieName(config), token, cookieOptions(config, STAFF_SESSION_DAYS * 86400));
}
