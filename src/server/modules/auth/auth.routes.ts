import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loginBody, okResponse, staffMe } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { clearCookie, cookieOptions, staffCookieName } from "../../http/cookies.js";
import { getStaffMe, STAFF_SESSION_DAYS, signInStaff, signOutStaff } from "./auth.service.js";

export async function authRoutes(app: App, { database: { db }, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["auth"];

  r.post(
    "/api/auth/login",
    {
      // Per address; per-account throttling is in signInStaff (http/login-throttle.ts).
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: { tags, body: loginBody, response: { 200: staffMe } },
    },
    async (req, reply) => {
      const { token, principal } = await signInStaff(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers["user-agent"],
      });
      reply.setCookie(staffCookieName(config), token, cookieOptions(config, STAFF_SESSION_DAYS * 86400));
      return getStaffMe(db, principal);
    },
  );
  r.post("/api/auth/logout", { schema: { tags, response: { 200: okResponse } } }, async (req, reply) => {
    const token = req.cookies[staffCookieName(config)];
    if (token) await signOutStaff(db, token);
    clearCookie(reply, config, staffCookieName(config));
    return { ok: true as const };
  });
  r.get(
    "/api/auth/me",
    { onRequest: requireStaff(db), schema: { tags, response: { 200: staffMe } } },
    (req) => getStaffMe(db, staffOf(req)),
  );
}
