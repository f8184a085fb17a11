import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idParams,
  inviteMemberBody,
  memberParams,
  memberRoleBody,
  okResponse,
  teamInvitation,
  teamMember,
  teamResponse,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { inviteMember, revokeInvitation } from "./invitations.service.js";
import { changeMemberRole, listTeam, setMemberDisabled } from "./team.service.js";

/** The team (issue 12 §3): owners and admins list, invite, change roles, disable and re-enable members. */
export async function teamRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["team"];
  const services = { db, config: deps.config, mailer: deps.mailer };
  const manage = { action: "team.manage" } as const;

  r.get(
    "/api/team",
    { onRequest, config: { action: "team.read" }, schema: { tags, response: { 200: teamResponse } } },
    (req) => listTeam(db, staffOf(req)),
  );
  r.post(
    "/api/team/invitations",
    {
      onRequest,
      config: manage,
      schema: { tags, body: inviteMemberBody, response: { 201: teamInvitation } },
    },
    async (req, reply) => reply.status(201).send(await inviteMember(services, staffOf(req), req.body)),
  );
  r.delete(
    "/api/team/invitations/:id",
    { onRequest, config: manage, schema: { tags, params: idParams, response: { 200: okResponse } } },
    async (req) => {
      await revokeInvitation(db, staffOf(req).orgId, req.params.id);
      return { ok: true as const };
    },
  );
  r.put(
    "/api/team/members/:userId/role",
    {
      onRequest,
      config: manage,
      schema: { tags, params: memberParams, body: memberRoleBody, response: { 200: teamMember } },
    },
    (req) => changeMemberRole(db, staffOf(req), req.params.userId, req.body.role),
  );
  r.post(
    "/api/team/members/:userId/disable",
    { onRequest, config: manage, schema: { tags, params: memberParams, response: { 200: teamMember } } },
    (req) => setMemberDisabled(db, staffOf(req), req.params.userId, true),
  );
  r.post(
    "/api/team/members/:userId/enable",
    { onRequest, config: manage, schema: { tags, params: memberParams, response: { 200: teamMember } } },
    (req) => setMemberDisabled(db, staffOf(req), req.params.userId, false),
  );
}
