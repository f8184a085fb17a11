import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { reminderSettings } from "../../../shared/contracts/reminders.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { getReminderSettings, updateReminderSettings } from "./reminder-settings.service.js";

/** Settings › Reminders (issue 15 §3): every member reads them, owners and admins change them. */
export async function reminderRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["reminders"];
  r.get(
    "/api/reminder-settings",
    { onRequest, schema: { tags, response: { 200: reminderSettings } } },
    (req) => getReminderSettings(db, staffOf(req).orgId),
  );
  r.put(
    "/api/reminder-settings",
    {
      onRequest,
      config: { action: "organisation.update" },
      schema: { tags, body: reminderSettings, response: { 200: reminderSettings } },
    },
    (req) => updateReminderSettings(db, staffOf(req).orgId, req.body),
  );
}
