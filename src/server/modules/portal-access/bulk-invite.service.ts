import { and, inArray, isNull } from "drizzle-orm";
import type { BulkInviteReport, BulkSkipReason } from "../../../shared/contracts/index.js";
import { customers } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { loadContacts } from "../customers/customers.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { inviteContact } from "./invitation.js";
import type { AccessDeps } from "./portal-access.service.js";

/**
 * D2: invites every contact of the chosen customers who has an email and no access yet, in one
 * transaction. Every other contact is reported with why (nobody is silently skipped):
 * - `disabled`: staff turned the contact's access off; only the per-contact "Enable" undoes that;
 * - `already_enabled`: invited before or has a password (use "Re-invite" for a new email);
 * - `no_email`: nothing to send the invitation to;
 * - `no_contacts`: the customer has no contact at all (one row, contactId null).
 * An unknown, deleted or other organisation's customer id fails the whole request with 404 before
 * anything is written or sent.
 */
export async function bulkInvite(
  deps: AccessDeps,
  orgId: string,
  customerIds: string[],
): Promise<BulkInviteReport> {
  const ids = [...new Set(customerIds)];
  const report = await withOrg(deps.db, orgId, async (tx) => {
    const rows = await tx
      .select()
      .from(customers)
      .where(and(inArray(customers.id, ids), isNull(customers.deletedAt)));
    if (rows.length !== ids.length) throw new AppError("NOT_FOUND");
    const byId = new Map(rows.map((c) => [c.id, c]));
    const org = await loadOrganisation(tx, orgId);
    const out: BulkInviteReport = { invited: [], skipped: [] };
    for (const id of ids) {
      const customer = byId.get(id);
      if (!customer) throw new AppError("NOT_FOUND");
      const base = { customerId: customer.id, customerName: customer.name };
      const list = await loadContacts(tx, customer.id);
      if (list.length === 0) {
        out.skipped.push({ ...base, contactId: null, contactName: null, reason: "no_contacts" });
        continue;
      }
      for (const contact of list) {
        const reason: BulkSkipReason | null = !contact.portalEnabled
          ? "disabled"
          : contact.passwordHash || contact.invitedAt
            ? "already_enabled"
            : !contact.email
              ? "no_email"
              : null;
        if (reason) {
          out.skipped.push({ ...base, contactId: contact.id, contactName: contact.name, reason });
          continue;
        }
        await inviteContact(tx, deps, org, customer, contact);
        out.invited.push({
          ...base,
          contactId: contact.id,
          contactName: contact.name,
          email: contact.email as string,
        });
      }
    }
    return out;
  });
  void deps.mailer.deliverQueued();
  return report;
}
