import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { savedMethodList, slugIdParams, slugParams } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors/errors.js";
import { callProvider } from "../../gateways/call-provider.js";
import { gatewayEnv, gatewayOf } from "../../gateways/registry.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { loadGatewayCredentials } from "../gateway-credentials/gateway-credentials.service.js";
import {
  type ForgetAtProvider,
  listSavedMethods,
  removeSavedMethod,
  setDefaultSavedMethod,
} from "./saved-methods.service.js";

/** The provider's `removeSavedMethod` with the organisation's credentials (a provider without it keeps nothing). */
function forgetAtProvider(db: Db, config: Config): ForgetAtProvider {
  return async (orgId, method) => {
    const gateway = gatewayOf(config, method.gateway);
    const remove = gateway?.removeSavedMethod?.bind(gateway);
    if (!gateway || !remove) return;
    const credentials = await loadGatewayCredentials(db, config, orgId, gateway);
    if (credentials === null) throw new AppError("GATEWAY_CREDENTIALS_MISSING");
    const env = gatewayEnv(config);
    await callProvider(env, () => remove(credentials, env, method));
  };
}

/** E12: My details' saved payment methods (the contact's own). */
export async function savedMethodRoutes(app: App, { database: { db }, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireContact(db);
  const tags = ["portal"];
  const list = { 200: savedMethodList };
  const forget = forgetAtProvider(db, config);

  r.get(
    "/api/portal/:slug/me/payment-methods",
    { onRequest, schema: { tags, params: slugParams, response: list } },
    async (req) => ({ items: await listSavedMethods(db, contactOf(req)) }),
  );
  r.put(
    "/api/portal/:slug/me/payment-methods/:id/default",
    { onRequest, schema: { tags, params: slugIdParams, response: list } },
    async (req) => ({ items: await setDefaultSavedMethod(db, contactOf(req), req.params.id) }),
  );
  r.delete(
    "/api/portal/:slug/me/payment-methods/:id",
    { onRequest, schema: { tags, params: slugIdParams, response: list } },
    async (req) => ({ items: await removeSavedMethod(db, forget, contactOf(req), req.params.id) }),
  );
}
