import { and, eq } from "drizzle-orm";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { checkoutSessions, organisations } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { AppError } from "../../http/errors.js";
import { type AuditOrigin, recordPortalEvent } from "../audit/audit.service.js";
import { lockInvoice } from "../invoices/invoices.queries.js";
import type { ContactPrincipal } from "../portal/contact-sessions.service.js";
import { assertGatewayAllowed, portalOptionsOf } from "../portal/portal-policy.js";
import { sandboxGateway } from "./sandbox-gateway.js";

const PAYABLE = new Set(["issued", "sent", "viewed", "partially_paid"]);

/**
 * "Pay now" (F2): opens a checkout at the gateway for what is due. The idempotency key is unique per
 * organisation, so a double click or a retried request returns the checkout of the first one.
 */
export async function startCheckout(
  db: Db,
  config: Config,
  p: ContactPrincipal,
  invoiceId: string,
  idempotencyKey: string,
  origin: AuditOrigin,
): Promise<{ checkoutUrl: string }> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const firstResult = async () => {
      const [existing] = await tx
        .select()
        .from(checkoutSessions)
        .where(and(eq(checkoutSessions.idempotencyKey, idempotencyKey), eq(checkoutSessions.orgId, p.orgId)));
      if (!existing) return null;
      if (existing.invoiceId !== invoiceId || existing.contactId !== p.contactId)
        throw new AppError("CONFLICT");
      return { checkoutUrl: sandboxGateway.checkoutUrl(config, existing.id) };
    };
    const existing = await firstResult();
    if (existing) return existing;
    const invoice = await lockInvoice(tx, invoiceId);
    const due = invoice.totalMinor - invoice.paidMinor;
    if (!PAYABLE.has(invoice.status) || due <= 0) throw new AppError("INVOICE_NOT_PAYABLE");
    if (!invoice.gateways.includes(sandboxGateway.id)) throw new AppError("INVOICE_NOT_PAYABLE");
    sandboxGateway.checkAmount(due, invoice.currency);
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, p.orgId));
    if (!org) throw new AppError("NOT_FOUND");
    // C4: a gateway behind a portal option (PayPal) is refused when the option is off.
    assertGatewayAllowed(portalOptionsOf(org), sandboxGateway.id);
    const [row] = await tx
      .insert(checkoutSessions)
      .values({
        orgId: p.orgId,
        customerId: p.customerId,
        contactId: p.contactId,
        invoiceId,
        gateway: sandboxGateway.id,
        idempotencyKey,
        amountMinor: due,
        currency: invoice.currency,
        description: `${invoice.number} · ${org.name}`,
      })
      .onConflictDoNothing()
      .returning({ id: checkoutSessions.id });
    if (row) {
      // G3: only a new checkout is an event; a replayed key returned the first one above.
      await recordPortalEvent(
        tx,
        {
          orgId: p.orgId,
          customerId: p.customerId,
          contactId: p.contactId,
          action: "payment_started",
          documentType: "invoice",
          documentId: invoiceId,
          details: { gateway: sandboxGateway.id, amountMinor: due, currency: invoice.currency },
        },
        origin,
      );
      return { checkoutUrl: sandboxGateway.checkoutUrl(config, row.id) };
    }
    // A concurrent twin inserted the same key first and has committed (the insert waited for it): its
    // row is the answer, read by this new statement.
    const twin = await firstResult();
    if (!twin) throw new AppError("CONFLICT");
    return twin;
  });
}
