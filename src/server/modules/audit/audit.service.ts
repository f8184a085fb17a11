import type { FastifyRequest } from "fastify";
import type { Tx } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";

/** What the audit trail records (G3). Add an action here when a portal feature lands. */
export type AuditAction =
  | "sign_in"
  | "sign_in_failed"
  | "sign_out"
  | "link_opened"
  | "invitation_accepted"
  | "password_reset_requested"
  | "password_reset"
  | "password_changed"
  | "document_viewed"
  | "document_downloaded"
  | "payment_started"
  | "credit_applied"
  | "details_updated"
  | "quote_accepted"
  | "quote_declined"
  | "comment_added"
  | "document_shared"
  | "timesheet_approved"
  | "timesheet_rejected"
  // Done by Portico itself on the customer's document (issue 15): no address or browser.
  | "reminder_sent"
  | "auto_charge_succeeded"
  | "auto_charge_failed";

export interface AuditOrigin {
  ip: string;
  userAgent: string | null;
}

export const auditOriginOf = (req: FastifyRequest): AuditOrigin => ({
  ip: req.ip,
  userAgent: req.headers["user-agent"]?.slice(0, 500) ?? null,
});

export interface PortalEvent {
  orgId: string;
  customerId: string | null;
  contactId: string | null;
  action: AuditAction;
  documentType?: "invoice" | "quote" | "sales_order" | "payment" | "timesheet" | null;
  documentId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Writes one event in the caller's transaction (contact scope for the contact's own customer, or the
 * system scope at sign-in), so the event exists exactly when the action happened.
 */
export async function recordPortalEvent(tx: Tx, event: PortalEvent, origin: AuditOrigin): Promise<void> {
  await tx.insert(auditEvents).values({
    orgId: event.orgId,
    customerId: event.customerId,
    contactId: event.contactId,
    action: event.action,
    documentType: event.documentType ?? null,
    documentId: event.documentId ?? null,
    details: event.details ?? {},
    ip: origin.ip,
    userAgent: origin.userAgent,
  });
}

/** An event of the signed-in contact `p` (its organisation, customer and contact), in its transaction. */
export function recordContactEvent(
  tx: Tx,
  p: { orgId: string; customerId: string; contactId: string },
  event: Omit<PortalEvent, "orgId" | "customerId" | "contactId">,
  origin: AuditOrigin,
): Promise<void> {
  return recordPortalEvent(
    tx,
    { orgId: p.orgId, customerId: p.customerId, contactId: p.contactId, ...event },
    origin,
  );
}

/**
 * An event Portico itself caused on a customer's document (a payment reminder, an automatic charge), in
 * the caller's transaction; `contactId` is the contact it concerned, if one. No address or browser.
 */
export async function recordAutomaticEvent(tx: Tx, event: PortalEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    orgId: event.orgId,
    customerId: event.customerId,
    contactId: event.contactId,
    action: event.action,
    documentType: event.documentType ?? null,
    documentId: event.documentId ?? null,
    details: event.details ?? {},
    ip: null,
    userAgent: null,
  });
}
