import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { notificationList, notificationListQuery, okResponse } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { listNotifications, markAllRead } from "./notifications.service.js";

export async function notificationRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["notifications"];
  r.get(
    "/api/notifications",
    { onRequest, schema: { tags, querystring: notificationListQuery, response: { 200: notificationList } } },
    (req) => listNotifications(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/notifications/read-all",
    { onRequest, schema: { tags, response: { 200: okResponse } } },
    async (req) => {
      await markAllRead(db, staffOf(req).orgId);
      return { ok: true as const };
    },
  );
}
