import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { slugParams } from "../../shared/contracts/index.js";
import type { App, Deps } from "../app-types.js";
import type { Db } from "../db/client.js";
import { withContact } from "../db/scope.js";
import { requireStaff, staffOf } from "../http/auth.js";
import { contactOf, requireContact } from "../http/portal-auth.js";
import { isStaffSessionLive } from "../modules/auth/auth.service.js";
import { readPortalComment, readStaffComment } from "../modules/comments/comments.service.js";
import {
  type ContactPrincipal,
  isContactSessionLive,
} from "../modules/contact-sessions/contact-sessions.service.js";
import { findPortalDocument } from "../modules/documents/document-registry.js";
import { type LiveMessage, openEventStream } from "./event-stream.js";
import type { RealtimeEvent, RealtimeHub } from "./realtime.js";

const STREAM = {
  produces: ["text/event-stream"],
  description:
    "Server-sent events: `ready`, then `comment` ({documentType, documentId, comment}) and " +
    "`document_status` ({documentType, documentId, status}); a comment heartbeat every 25 s.",
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
    { onRequest: requireStaff(db), schema: { tags: ["live"], ...STREAM } },
    (req, reply) => {
      const staff = staffOf(req);
      return openEventStream(req, reply, {
        hub,
        open,
        heartbeatMs,
        filter: { orgId: staff.orgId },
        isLive: () => isStaffSessionLive(db, staff.sessionId),
        toMessage: (event) => staffMessage(db, event),
      });
    },
  );

  r.get(
    "/api/portal/:slug/events",
    { onRequest: requireContact(db), schema: { tags: ["portal"], params: slugParams, ...STREAM } },
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

async function staffMessage(db: Db, event: RealtimeEvent): Promise<LiveMessage | null> {
  const { documentType, documentId } = event;
  if (event.kind === "document_status")
    return { event: "document_status", data: { documentType, documentId, status: event.status } };
  const comment = await readStaffComment(db, event.orgId, event.commentId);
  return comment ? { event: "comment", data: { documentType, documentId, comment } } : null;
}

/** Re-read in the contact's scope: a staff-only comment or a draft never reaches the portal. */
async function contactMessage(
  db: Db,
  p: ContactPrincipal,
  event: RealtimeEvent,
): Promise<LiveMessage | null> {
  const { documentType, documentId } = event;
  if (event.kind === "comment") {
    const comment = await readPortalComment(db, p, event.commentId);
    return comment ? { event: "comment", data: { documentType, documentId, comment } } : null;
  }
  const visible = await withContact(db, p.orgId, p.customerId, (tx) =>
    findPortalDocument(tx, documentType, documentId),
  );
  return visible
    ? { event: "document_status", data: { documentType, documentId, status: event.status } }
    : null;
}
