import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  authOptions,
  loginBody,
  okResponse,
  staffChangePasswordBody,
  staffForgotBody,
  staffMe,
  staffOrganisations,
  staffResetBody,
  switchOrganisationBody,
  twoFactorDisableBody,
  twoFactorEnableBody,
  twoFactorRecoveryCodes,
  twoFactorSetup,
  twoFactorStatus,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { clearCookie, staffCookieName } from "../../http/cookies.js";
import {
  getStaffMe,
  listStaffOrganisations,
  signInStaff,
  signOutStaff,
  switchStaffOrganisation,
} from "./auth.service.js";
import { setStaffCookie } from "./staff-cookie.js";
import {
  changeStaffPassword,
  requestStaffPasswordReset,
  resetStaffPassword,
} from "./staff-passwords.service.js";
import {
  disableTwoFactor,
  enableTwoFactor,
  getTwoFactorStatus,
  setupTwoFactor,
} from "./two-factor.service.js";

export async function authRoutes(app: App, { database: { db }, config, mailer }: Deps) {
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
      setStaffCookie(reply, config, token);
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
  r.get("/api/auth/options", { schema: { tags, response: { 200: authOptions } } }, () => ({
    signupOpen: config.signupOpen,
  }));

  // Several organisations per person (issue 12): the list for the header, and a switch that ends this session.
  r.get(
    "/api/auth/organisations",
    { onRequest: requireStaff(db), schema: { tags, response: { 200: staffOrganisations } } },
    (req) => listStaffOrganisations(db, staffOf(req)),
  );
  r.post(
    "/api/auth/switch",
    {
      onRequest: requireStaff(db),
      schema: { tags, body: switchOrganisationBody, response: { 200: staffMe } },
    },
    async (req, reply) => {
      const origin = { ip: req.ip, userAgent: req.headers["user-agent"] };
      const { token, principal } = await switchStaffOrganisation(db, staffOf(req), req.body.orgId, origin);
      setStaffCookie(reply, config, token);
      return getStaffMe(db, principal);
    },
  );

  // Staff passwords (decision 016); per-address limits on top of the per-account ones of the service.
  const deps = { db, config, mailer };
  const perIp = (max: number) => ({ rateLimit: { max, timeWindow: "1 minute" } });
  r.post(
    "/api/auth/password/forgot",
    { config: perIp(5), schema: { tags, body: staffForgotBody, response: { 200: okResponse } } },
    async (req) => {
      await requestStaffPasswordReset(deps, req.body.email);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/auth/password/reset",
    { config: perIp(10), schema: { tags, body: staffResetBody, response: { 200: okResponse } } },
    async (req) => {
      await resetStaffPassword(deps, req.body);
      return { ok: true as const };
    },
  );
  r.post(
    "/api/auth/password/change",
    {
      onRequest: requireStaff(db),
      config: perIp(10),
      schema: { tags, body: staffChangePasswordBody, response: { 200: okResponse } },
    },
    async (req) => {
      await changeStaffPassword(deps, staffOf(req), req.body, req.ip);
      return { ok: true as const };
    },
  );

  // Two-factor sign-in (decision 022): the person's own, so no API key (http/auth.ts refuses them here).
  r.get(
    "/api/auth/2fa",
    { onRequest: requireStaff(db), schema: { tags, response: { 200: twoFactorStatus } } },
    (req) => getTwoFactorStatus(db, staffOf(req)),
  );
  r.post(
    "/api/auth/2fa/setup",
    { onRequest: requireStaff(db), schema: { tags, response: { 200: twoFactorSetup } } },
    (req) => setupTwoFactor(db, staffOf(req)),
  );
  r.post(
    "/api/auth/2fa/enable",
    {
      onRequest: requireStaff(db),
      config: perIp(10),
      schema: { tags, body: twoFactorEnableBody, response: { 200: twoFactorRecoveryCodes } },
    },
    (req) => enableTwoFactor(db, staffOf(req), req.body.code),
  );
  r.post(
    "/api/auth/2fa/disable",
    {
      onRequest: requireStaff(db),
      config: perIp(10),
      schema: { tags, body: twoFactorDisableBody, response: { 200: okResponse } },
    },
    async (req) => {
      await disableTwoFactor(db, staffOf(req), req.body.password, req.ip);
      return { ok: true as const };
    },
  );
}
