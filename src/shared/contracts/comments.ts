import { z } from "zod";
import { email, requiredText, uuid } from "./common.js";

/** The documents comments (A14) and shares (E14) can be about. */
export const commentDocumentType = z.enum(["quote", "invoice", "sales_order", "timesheet"]);
export type CommentDocumentType = z.infer<typeof commentDocumentType>;

const commentBodyText = requiredText(5000);

/** A comment as staff see it. */
export const comment = z.object({
  id: uuid,
  documentType: commentDocumentType,
  documentId: uuid,
  authorKind: z.enum(["staff", "contact"]),
  authorName: z.string(),
  body: z.string(),
  visibleInPortal: z.boolean(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof comment>;

/** A comment as a contact sees it: every comment it can read is shown in the portal. */
export const portalComment = comment.omit({ visibleInPortal: true });
export type PortalComment = z.infer<typeof portalComment>;

export const newCommentBody = z.object({
  body: commentBodyText,
  /** A staff comment stays internal unless marked (negotiation on a quote is the usual reason). */
  visibleInPortal: z.boolean().default(false),
});
export type NewCommentBody = z.input<typeof newCommentBody>;

export const newPortalCommentBody = z.object({ body: commentBodyText });

/** E14: forward a document to another person of the same customer. */
export const shareDocumentBody = z.object({ name: requiredText(200), email });
export type ShareDocumentBody = z.input<typeof shareDocumentBody>;
export const shareDocumentResult = z.object({
  ok: z.literal(true),
  /** The person already was a contact of the customer: no new contact was added. */
  reusedContact: z.boolean(),
});
export type ShareDocumentResult = z.infer<typeof shareDocumentResult>;

/**
 * What the live streams (G4) send, as `event: <kind>` with this JSON as data. A comment is the comment
 * as the receiver may see it; a status change names the document and its new status.
 */
export const liveCommentEvent = z.object({
  documentType: commentDocumentType,
  documentId: uuid,
  comment: portalComment.extend({ visibleInPortal: z.boolean().optional() }),
});
export const liveStatusEvent = z.object({
  documentType: commentDocumentType,
  documentId: uuid,
  status: z.string(),
});
export type LiveCommentEvent = z.infer<typeof liveCommentEvent>;
export type LiveStatusEvent = z.infer<typeof liveStatusEvent>;
