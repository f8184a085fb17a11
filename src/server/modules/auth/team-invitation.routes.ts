import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  acceptTeamInvitationBody,
  staffMe,
  teamInvitationInfo,
  teamInvitationParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { cookieOptions, staffCookieName } from "../../http/cookies.js";
import { acceptInvitation, peekInvitation } from "../team/invitations.service.js";
import { getStaffMe, STAFF_SESSION_DAYS, startStaffSession } from "./auth.service.js";

/**
 * The accept page of a team invitation (issue 12 §3), before anyone is signed in: read it by its token,
 * then accept it (a new person sets a name and password; a person with an account gives its password)
 * and sign in to the inviting organisation.
 */
export async function teamInvitationRoutes(app: App, { database: { db }, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["auth"];
  const perIp = (max: number) => ({ rateLimit: { max, timeWindow: "1 minute" } });

  r.get(
    "/api/auth/invitation/:token",
    {
      config: perIp(30),
      schema: { tags, params: teamInvitationParams, response: { 200: teamInvitationInfo } },
    },
    (req) => peekInvitation(db, req.params.token),
  );
  r.post(
    "/api/auth/invitation/accept",
    { config: perIp(10), schema: { tags, body: acceptTeamInvitationBody, response: { 200: staffMe } } },
    async (req, reply) => {
      const joined = await acceptInvitation(db, req.body, req.ip);
      const { token, principal } = await startStaffSession(db, {
        ...joined,
        ip: req.ip,
        userAgent: req.headers["user-agent"],
      });
      reply.setCookie(staffCookieName(config), token, cookieOptions(config, STAFF_SESSION_DAYS * 86400));
      return getStaffMe(db, principal);
    },
  );
}
