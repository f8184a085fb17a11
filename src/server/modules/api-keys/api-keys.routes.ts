import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiKey, createApiKeyBody, createdApiKey, idParams } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.service.js";

export async function apiKeyRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["api-keys"];
  r.get(
    "/api/api-keys",
    {
      onRequest,
      config: { action: "api_keys.manage" },
      schema: { tags, response: { 200: z.array(apiKey) } },
    },
    (req) => listApiKeys(db, staffOf(req)),
  );
  r.post(
    "/api/api-keys",
    {
      onRequest,
      config: { action: "api_keys.manage" },
      schema: { tags, body: createApiKeyBody, response: { 201: createdApiKey } },
    },
    // The secret is in this answer only: no cache may keep it.
    async (req, reply) =>
      reply
        .status(201)
        .header("cache-control", "no-store")
        .send(await createApiKey(db, staffOf(req), req.body)),
  );
  r.post(
    "/api/api-keys/:id/revoke",
    {
      onRequest,
      config: { action: "api_keys.manage" },
      schema: { tags, params: idParams, response: { 200: apiKey } },
    },
    (req) => revokeApiKey(db, staffOf(req), req.params.id),
  );
}
