import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.js";

declare module "fastify" {
  interface FastifyInstance {
    /** PUBLIC_URL is https (config.secureCookies): for hooks that read cookies without the config at hand. */
    secureCookies: boolean;
  }
}

type CookieConfig = Pick<Config, "secureCookies">;

/**
 * Over https every cookie is `Secure` and named with the `__Host-` prefix, which browsers only accept from
 * a secure origin, for path / and without a Domain: a sibling subdomain or an http:// page cannot plant or
 * overwrite one. The demo on http://localhost keeps the plain names. Reading uses the same names.
 */
const prefix = (c: CookieConfig) => (c.secureCookies ? "__Host-" : "");

export const staffCookieName = (c: CookieConfig) => `${prefix(c)}portico_staff`;
/** One cookie per organisation, so a person who is a contact of two organisations has two sessions (D7). */
export const contactCookieName = (c: CookieConfig, orgId: string) =>
  `${prefix(c)}portico_portal_${orgId.replaceAll("-", "")}`;

/** The cookie settings of the app serving `req` (see app.ts). */
export const cookieConfigOf = (req: FastifyRequest): CookieConfig => ({
  secureCookies: req.server.secureCookies,
});

export function cookieOptions(config: CookieConfig, maxAgeSeconds: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.secureCookies,
    maxAge: maxAgeSeconds,
  };
}

/** A `__Host-` cookie is only cleared by a Set-Cookie with the same attributes (Secure, path /). */
export function clearCookie(reply: FastifyReply, config: CookieConfig, name: string) {
  reply.clearCookie(name, { path: "/", httpOnly: true, sameSite: "lax", secure: config.secureCookies });
}
