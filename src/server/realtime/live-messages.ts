import type { Db } from "../db/client.js";
import { withContact } from "../db/scope.js";
import { readPortalComment, readStaffComment } from "../modules/comments/comments.service.js";
import type { ContactPrincipal } from "../modules/contact-sessions/contact-sessions.service.js";
import { findPortalDocument } from "../modules/documents/document-registry.js";
import { portalShowsMessages, readPortalMessage } from "../modules/messages/messages.portal.service.js";
import { readStaffMessage } from "../modules/messages/messages.service.js";
import type { LiveMessage } from "./event-stream.js";
import type { RealtimeEvent } from "./realtime.js";

/** What a stream writes for an event, read in the reader's own scope; null when the reader may not see it. */
export async function staffMessage(db: Db, event: RealtimeEvent): Promise<LiveMessage | null> {
  if (event.kind === "message") {
    const message = await readStaffMessage(db, event.orgId, event.messageId);
    return message ? { event: "message", data: { threadId: event.threadId, message } } : null;
  }
  if (event.kind === "messages_read")
    return event.side === "staff" ? { event: "messages_read", data: { threadId: event.threadId } } : null;
  const { documentType, documentId } = event;
  if (event.kind === "document_status")
    return { event: "document_status", data: { documentType, documentId, status: event.status } };
  const comment = await readStaffComment(db, event.orgId, event.commentId);
  return comment ? { event: "comment", data: { documentType, documentId, comment } } : null;
}

/** Re-read in the contact's scope: a staff-only comment or a draft never reaches the portal. */
export async function contactMessage(
  db: Db,
  p: ContactPrincipal,
  event: RealtimeEvent,
): Promise<LiveMessage | null> {
  if (event.kind === "message") {
    const message = await readPortalMessage(db, p, event.messageId);
    return message ? { event: "message", data: { threadId: event.threadId, message } } : null;
  }
  if (event.kind === "messages_read")
    return event.side === "customer" && (await portalShowsMessages(db, p))
      ? { event: "messages_read", data: { threadId: event.threadId } }
      : null;
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
