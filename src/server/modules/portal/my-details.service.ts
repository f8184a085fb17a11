import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { MyDetails, updateMyDetailsBody } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { contacts, customers } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { type AuditOrigin, recordPortalEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomerWithContact } from "../customers/customers.service.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";
import { eventOf } from "./portal.service.js";

type UpdateMyDetails = z.output<typeof updateMyDetailsBody>;

const CUSTOMER_FIELDS = [
  "legalName",
  "taxId",
  "email",
  "phone",
  "addressLine1",
  "addressLine2",
  "city",
  "postalCode",
  "region",
  "country",
] as const;
const CONTACT_FIELDS = ["name", "phone", "language"] as const;

async function loadOwn(tx: Tx, p: ContactPrincipal) {
  const { customer, contact } = await loadCustomerWithContact(tx, p.customerId, p.contactId);
  if (!contact) throw new AppError("UNAUTHENTICATED");
  return { customer, contact };
}

function toDetails({ customer, contact }: Awaited<ReturnType<typeof loadOwn>>): MyDetails {
  const c = Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, customer[f] ?? null])) as Omit<
    MyDetails["customer"],
    "name"
  >;
  return {
    customer: { name: customer.name, ...c },
    contact: {
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      language: contact.language as "es" | "en" | null,
    },
  };
}

/** My details (E12): the contact's own customer account and its own contact record, nothing else. */
export function getMyDetails(db: Db, p: ContactPrincipal): Promise<MyDetails> {
  return withContact(db, p.orgId, p.customerId, async (tx) => toDetails(await loadOwn(tx, p)));
}

/**
 * Writes the same rows staff edit, so the back office shows the change at once. Staff are notified
 * (C5 customer_details_updated) and the audit trail records which fields changed — names only, not
 * values, which stay in the customer record. Saving without a change records nothing.
 *
 * The contact's email is not accepted here: it is the portal user name and where password resets go,
 * so changing it from a session would hand the account to whoever holds that session. Staff change it.
 */
export async function updateMyDetails(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  input: UpdateMyDetails,
  origin: AuditOrigin,
): Promise<MyDetails> {
  let changed: string[] = [];
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    const before = await loadOwn(tx, p);
    changed = [
      ...CUSTOMER_FIELDS.filter((f) => (before.customer[f] ?? null) !== input.customer[f]).map(
        (f) => `customer.${f}`,
      ),
      ...CONTACT_FIELDS.filter((f) => (before.contact[f] ?? null) !== input.contact[f]).map(
        (f) => `contact.${f}`,
      ),
    ];
    if (changed.length === 0) return toDetails(before);
    const now = clock.now();
    await tx
      .update(customers)
      .set({ ...input.customer, updatedAt: now })
      .where(eq(customers.id, p.customerId));
    await tx
      .update(contacts)
      .set({ ...input.contact, updatedAt: now })
      .where(eq(contacts.id, p.contactId));
    const after = await loadOwn(tx, p);
    await notify(tx, mail, p.orgId, "customer_details_updated", {
      customerId: p.customerId,
      customerName: after.customer.name,
      contactName: after.contact.name,
      fields: changed.join(", "),
    });
    await recordPortalEvent(
      tx,
      { ...eventOf(p, "details_updated"), details: { fields: changed.join(",") } },
      origin,
    );
    return toDetails(after);
  });
  if (changed.length > 0) void mail.mailer.deliverQueued();
  return result;
}
