import type { FastifyReply } from "fastify";
import type { Config } from "../config.js";

export const STAFF_COOKIE = "portico_staff";
/** One cookie per organisation, so a person who is a contact of two organisations has two sessions (D7). */
export const contactCookieName = (orgId: string) => `portico_portal_${orgId.replaceAll("-", "")}`;

export function cookieOptions(config: Config, maxAgeSeconds: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.publicUrl.startsWith("https://"),
    maxAge: maxAgeSeconds,
  };
}

export function clearCookie(reply: FastifyReply, name: string) {
  reply.clearCookie(name, { path: "/" });
}
