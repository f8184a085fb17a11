import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { slugParams } from "../../shared/contracts/index.js";
import type { App, Deps } from "../app-types.js";
import { requireStaff, staffOf } from "../http/auth.js";
import { contactOf, requireContact } from "../http/portal-auth.js";
import { isApiKeyLive } from "../modules/api-keys/api-keys.service.js";
import { isStaffSessionLive } from "../modules/auth/auth.service.js";
import { isContactSessionLive } from "../modules/contact-sessions/contact-sessions.service.js";
import { openEventStream } from "./event-stream.js";
import { contactMessage, staffMessage } from "./live-messages.js";
import type { RealtimeHub } from "./realtime.js";

const STREAM = {
  produces: ["text/event-stream"],
  description:
    "Server-sent events: `ready`, then `comment` ({documentType, documentId, comment}) and " +
    "`document_status` ({documentType, documentId, status}), `message` ({threadId, message}) and " +
    "`messages_read` ({threadId}); a comment heartbeat every 25 s.",
};

/** The two live streams (G4): staff see their organisation, a contact its own customer. */
export async function eventRoutes(
  app: App,
  { database: { db } }: Deps,
  hub: RealtimeHub,
  heartbeatMs: number,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const open = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const end of [...open]) end();
  });

  r.get(
    "/api/events",
    { onRequest: requireStaff(db), config: { ownTransactions: true }, schema: { tags: ["live"], ...STREAM } },
    (req, reply) => {
      const staff = staffOf(req);
      return openEventStream(req, reply, {
        hub,
        open,
        heartbeatMs,
        filter: { orgId: staff.orgId },
        isLive: () =>
          staff.apiKey ? isApiKeyLive(db, staff.apiKey.id) : isStaffSessionLive(db, staff.sessionId),
        toMessage: (event) => staffMessage(db, event),
      });
    },
  );

  r.get(
    "/api/portal/:slug/events",
    {
      onRequest: requireContact(db),
      config: { ownTransactions: true },
      schema: { tags: ["portal"], params: slugParams, ...STREAM },
    },
    (req, reply) => {
      const p = contactOf(req);
      return openEventStream(req, reply, {
        hub,
        open,
        heartbeatMs,
        filter: { orgId: p.orgId, customerId: p.customerId },
        isLive: () => isContactSessionLive(db, p),
        toMessage: (event) => contactMessage(db, p, event),
      });
    },
  );
}
