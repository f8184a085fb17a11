import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  newOrganisationBody,
  signupBody,
  slugCheckQuery,
  slugCheckResponse,
  staffMe,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { getStaffMe } from "../auth/auth.service.js";
import { setStaffCookie } from "../auth/staff-cookie.js";
import { addOrganisation, checkSignupSlug, signUp } from "./signup.service.js";

export async function signupRoutes(app: App, { database: { db }, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["signup"];
  const originOf = (req: { ip: string; headers: { "user-agent"?: string } }) => ({
    ip: req.ip,
    userAgent: req.headers["user-agent"],
  });

  r.post(
    "/api/signup",
    {
      // Per address, like sign-in: each attempt may hash a password and create an organisation.
      config: { rateLimit: { max: config.signupRateLimit, timeWindow: "10 minutes" } },
      schema: { tags, body: signupBody, response: { 200: staffMe } },
    },
    async (req, reply) => {
      const { token, principal } = await signUp(db, config, req.body, originOf(req));
      setStaffCookie(reply, config, token);
      return getStaffMe(db, principal);
    },
  );
  r.get(
    "/api/signup/slug",
    {
      config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: { tags, querystring: slugCheckQuery, response: { 200: slugCheckResponse } },
    },
    (req) => checkSignupSlug(db, config, req.query.slug),
  );
  r.post(
    "/api/organisations",
    {
      onRequest: requireStaff(db),
      config: { rateLimit: { max: config.signupRateLimit, timeWindow: "10 minutes" } },
      schema: { tags, body: newOrganisationBody, response: { 200: staffMe } },
    },
    async (req, reply) => {
      const { token, principal } = await addOrganisation(db, config, staffOf(req), req.body, originOf(req));
      setStaffCookie(reply, config, token);
      return getStaffMe(db, principal);
    },
  );
}
