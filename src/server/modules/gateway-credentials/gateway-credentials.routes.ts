import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  gatewayCredentialsBody,
  gatewayCredentialsStatus,
  gatewayParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import {
  deleteGatewayCredentials,
  listGatewayCredentials,
  saveGatewayCredentials,
  testGatewayConnection,
} from "./gateway-credentials.service.js";

/**
 * Settings → Payments (C8): owners and admins store each provider's credentials, encrypted; the API
 * answers only what `mask()` shows of them, whatever the route.
 */
export async function gatewayCredentialRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["payments"];
  const action = { action: "payments.gateways" as const };

  r.get(
    "/api/payment-gateways/credentials",
    { onRequest, config: action, schema: { tags, response: { 200: z.array(gatewayCredentialsStatus) } } },
    (req) => listGatewayCredentials(db, config, staffOf(req).orgId),
  );
  r.put(
    "/api/payment-gateways/:gateway/credentials",
    {
      onRequest,
      config: action,
      schema: {
        tags,
        params: gatewayParams,
        body: gatewayCredentialsBody,
        response: { 200: gatewayCredentialsStatus },
      },
    },
    (req) => {
      const s = staffOf(req);
      return saveGatewayCredentials(db, config, s.orgId, s.userId, req.params.gateway, req.body);
    },
  );
  r.delete(
    "/api/payment-gateways/:gateway/credentials",
    { onRequest, config: action, schema: { tags, params: gatewayParams } },
    async (req, reply) => {
      await deleteGatewayCredentials(db, config, staffOf(req).orgId, req.params.gateway);
      return reply.code(204).send();
    },
  );
  r.post(
    "/api/payment-gateways/:gateway/test",
    {
      onRequest,
      config: action,
      schema: { tags, params: gatewayParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    (req) => testGatewayConnection(db, config, staffOf(req).orgId, req.params.gateway),
  );
}
