import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  myNotificationPrefs,
  myNotificationPrefsBody,
  okResponse,
  unsubscribeQuery,
  unsubscribeState,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import {
  getMyNotificationPrefs,
  readUnsubscribe,
  revokeUnsubscribeLinks,
  setMyNotificationPrefs,
  setUnsubscribed,
} from "./notification-preferences.service.js";

/**
 * C5 per member and the unsubscribe links of staff notifications (decision 044). The unsubscribe routes
 * take no session: the signed token is the credential, and the GET changes nothing (mail scanners follow
 * links); the POST is also RFC 8058's one-click target (`List-Unsubscribe=One-Click` form body).
 */
export async function notificationPreferenceRoutes(app: App, { database: { db }, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = requireStaff(db);
  const tags = ["notifications"];
  const perIp = { rateLimit: { max: 30, timeWindow: "1 minute" } };

  r.get(
    "/api/auth/notification-preferences",
    { onRequest: staff, schema: { tags, response: { 200: myNotificationPrefs } } },
    (req) => getMyNotificationPrefs(db, staffOf(req)),
  );
  r.put(
    "/api/auth/notification-preferences",
    {
      onRequest: staff,
      schema: { tags, body: myNotificationPrefsBody, response: { 200: myNotificationPrefs } },
    },
    (req) => setMyNotificationPrefs(db, staffOf(req), req.body.muted),
  );
  r.post(
    "/api/organisation/unsubscribe-links/revoke",
    {
      onRequest: staff,
      config: { action: "organisation.update" },
      schema: { tags, response: { 200: okResponse } },
    },
    async (req) => {
      await revokeUnsubscribeLinks(db, staffOf(req));
      return { ok: true as const };
    },
  );

  r.get(
    "/api/unsubscribe",
    { config: perIp, schema: { tags, querystring: unsubscribeQuery, response: { 200: unsubscribeState } } },
    (req) => readUnsubscribe(db, config.appSecret, req.query.token),
  );
  r.post(
    "/api/unsubscribe",
    { config: perIp, schema: { tags, querystring: unsubscribeQuery, response: { 200: unsubscribeState } } },
    (req) => setUnsubscribed(db, config.appSecret, req.query.token, false),
  );
  r.post(
    "/api/unsubscribe/undo",
    { config: perIp, schema: { tags, querystring: unsubscribeQuery, response: { 200: unsubscribeState } } },
    (req) => setUnsubscribed(db, config.appSecret, req.query.token, true),
  );
}
