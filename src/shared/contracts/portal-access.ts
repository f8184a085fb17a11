import { z } from "zod";
import { uuid } from "./common.js";

/** Staff side of portal access (D1–D4, C6) and the audit trail views (G3). */

export const customerContactParams = z.object({ customerId: uuid, contactId: uuid });
export const customerIdParams = z.object({ customerId: uuid });

/**
 * Enable access (D1): invite the contact by email, or set a password for them. The password is checked
 * by the server's policy (length, breached list), so the schema only bounds its size.
 */
export const enablePortalAccessBody = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("invite") }),
  z.object({ mode: z.literal("password"), password: z.string().max(1024) }),
]);
export type EnablePortalAccessBody = z.infer<typeof enablePortalAccessBody>;

/**
 * Derived from the contact's columns: disabled (staff turned access off, D4) wins; then active (has a
 * password); invited (invitation sent, no password yet); none.
 */
export const portalAccessStatus = z.enum(["none", "invited", "active", "disabled"]);
export type PortalAccessStatus = z.infer<typeof portalAccessStatus>;

export const contactPortalAccess = z.object({
  contactId: uuid,
  name: z.string(),
  email: z.string().nullable(),
  status: portalAccessStatus,
  invitedAt: z.iso.datetime().nullable(),
  lastSignInAt: z.iso.datetime().nullable(),
});
export type ContactPortalAccess = z.infer<typeof contactPortalAccess>;

export const portalAccessChanged = z.object({
  contacts: z.array(contactPortalAccess),
});
export type PortalAccessChanged = z.infer<typeof portalAccessChanged>;

export const bulkInviteBody = z.object({
  customerIds: z.array(uuid).min(1).max(500),
});
export type BulkInviteBody = z.infer<typeof bulkInviteBody>;

export const bulkSkipReason = z.enum(["no_email", "already_enabled", "no_contacts", "disabled"]);
export type BulkSkipReason = z.infer<typeof bulkSkipReason>;

export const bulkInviteReport = z.object({
  invited: z.array(
    z.object({
      customerId: uuid,
      customerName: z.string(),
      contactId: uuid,
      contactName: z.string(),
      email: z.string(),
    }),
  ),
  skipped: z.array(
    z.object({
      customerId: uuid,
      customerName: z.string(),
      contactId: uuid.nullable(),
      contactName: z.string().nullable(),
      reason: bulkSkipReason,
    }),
  ),
});
export type BulkInviteReport = z.infer<typeof bulkInviteReport>;

export const previewResult = z.object({ url: z.string() });
export type PreviewResult = z.infer<typeof previewResult>;

export const activityQuery = z.object({
  /** The id of the last event of the previous page (keyset pagination, newest first). */
  before: uuid.optional(),
});

export const activityEvent = z.object({
  id: uuid,
  at: z.iso.datetime(),
  action: z.string(),
  contact: z.object({ id: uuid, name: z.string(), email: z.string().nullable() }).nullable(),
  document: z.object({ type: z.string(), id: uuid, number: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type ActivityEvent = z.infer<typeof activityEvent>;

export const activityPage = z.object({
  events: z.array(activityEvent),
  /** Pass as `before` to load older events; null on the last page. */
  nextCursor: uuid.nullable(),
});
export type ActivityPage = z.infer<typeof activityPage>;
