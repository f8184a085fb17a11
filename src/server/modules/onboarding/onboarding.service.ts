import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { OnboardingItemKey, OnboardingResponse } from "../../../shared/contracts/index.js";
import type { Db, Tx } from "../../db/client.js";
import { customers, invoices, taxes } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { loadOrganisation } from "../organisation/organisation.service.js";

const exists = async (rows: Promise<unknown[]>) => (await rows).length > 0;

/**
 * The first-run checklist (G1), computed from the organisation's data each time, so it ticks itself as
 * the work is done anywhere (the settings, the API) and nothing is stored to drift out of step.
 */
export function getOnboarding(db: Db, orgId: string): Promise<OnboardingResponse> {
  return withOrg(db, orgId, async (tx: Tx) => {
    const org = await loadOrganisation(tx, orgId);
    const done: Record<OnboardingItemKey, boolean> = {
      // What an invoice needs to be lawful and recognisable: the tax id, an address and the logo.
      profile: Boolean(org.taxId && org.addressLine1 && org.logoMime),
      defaultTax: await exists(
        tx
          .select({ id: taxes.id })
          .from(taxes)
          .where(and(eq(taxes.isDefault, true), isNull(taxes.archivedAt)))
          .limit(1),
      ),
      // A way to be paid: a bank account on the documents, or a payment gateway.
      paymentDetails: Boolean(org.iban) || org.enabledGateways.length > 0,
      portal: org.portalEnabled,
      firstCustomer: await exists(tx.select({ id: customers.id }).from(customers).limit(1)),
      firstInvoiceSent: await exists(
        tx.select({ id: invoices.id }).from(invoices).where(isNotNull(invoices.sentAt)).limit(1),
      ),
    };
    const items = (Object.keys(done) as OnboardingItemKey[]).map((key) => ({ key, done: done[key] }));
    return { items, complete: items.every((item) => item.done) };
  });
}
