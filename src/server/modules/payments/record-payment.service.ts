import { eq } from "drizzle-orm";
import { formatMoney } from "../../../shared/money/index.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { checkoutSessions, contacts, invoices, organisations, payments } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { renderEmail } from "../../email/templates.js";
import { AppError } from "../../http/errors.js";
import { publishStatus } from "../../realtime/realtime.js";
import { loadCustomer } from "../customers/customers.service.js";
import { lockInvoice } from "../invoices/invoices.queries.js";
import { notify } from "../notifications/notifications.service.js";
import type { SandboxOutcome } from "./sandbox-gateway.js";

export interface ConfirmationResult {
  slug: string;
  invoiceId: string;
  outcome: SandboxOutcome;
  /** False when this confirmation repeated one already recorded. */
  recorded: boolean;
}

/**
 * Applies a verified gateway confirmation (F3). The payment row is unique on (org, gateway, reference), so
 * a confirmation that arrives twice — the redirect and the webhook, or a provider's retry — records
 * nothing the second time; the invoice row is locked so concurrent twins queue.
 */
export async function applyGatewayConfirmation(
  deps: { db: Db; config: Config; mailer: Mailer },
  c: { checkoutId: string; outcome: SandboxOutcome; reference: string },
): Promise<ConfirmationResult> {
  const checkout = await withSystem(deps.db, async (tx) => {
    const [row] = await tx.select().from(checkoutSessions).where(eq(checkoutSessions.id, c.checkoutId));
    return row;
  });
  if (!checkout) throw new AppError("NOT_FOUND");
  const result = await withOrg(deps.db, checkout.orgId, async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, checkout.orgId));
    if (!org) throw new AppError("NOT_FOUND");
    const base = { slug: org.portalSlug, invoiceId: checkout.invoiceId, outcome: c.outcome };
    const invoice = await lockInvoice(tx, checkout.invoiceId);
    if (c.outcome !== "succeeded") {
      if (checkout.status === "open") {
        await tx
          .update(checkoutSessions)
          .set({
            status: c.outcome === "declined" ? "failed" : "cancelled",
            failureCode: c.outcome === "declined" ? "CP3003" : null,
            completedAt: new Date(),
          })
          .where(eq(checkoutSessions.id, checkout.id));
      }
      return { ...base, recorded: false };
    }
    const [payment] = await tx
      .insert(payments)
      .values({
        orgId: checkout.orgId,
        customerId: checkout.customerId,
        invoiceId: checkout.invoiceId,
        amountMinor: checkout.amountMinor,
        currency: checkout.currency,
        method: "gateway",
        gateway: checkout.gateway,
        gatewayReference: c.reference,
      })
      .onConflictDoNothing()
      .returning();
    if (!payment) return { ...base, recorded: false };
    const paidMinor = invoice.paidMinor + payment.amountMinor;
    const fullyPaid = paidMinor >= invoice.totalMinor;
    const now = new Date();
    await tx
      .update(invoices)
      .set({
        paidMinor,
        status: fullyPaid ? "paid" : "partially_paid",
        paidAt: fullyPaid ? now : null,
        updatedAt: now,
      })
      .where(eq(invoices.id, invoice.id));
    await tx
      .update(checkoutSessions)
      .set({ status: "succeeded", completedAt: now })
      .where(eq(checkoutSessions.id, checkout.id));
    await publishStatus(tx, {
      orgId: org.id,
      customerId: checkout.customerId,
      documentType: "invoice",
      documentId: invoice.id,
      status: fullyPaid ? "paid" : "partially_paid",
    });
    const customer = await loadCustomer(tx, checkout.customerId);
    const amount = { amountMinor: payment.amountMinor, currency: payment.currency };
    await notify(tx, deps, org.id, "payment_received", {
      invoiceId: invoice.id,
      number: invoice.number,
      customerName: customer.name,
      ...amount,
    });
    if (fullyPaid)
      await notify(tx, deps, org.id, "invoice_paid", {
        invoiceId: invoice.id,
        number: invoice.number,
        customerName: customer.name,
      });
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, checkout.contactId));
    if (contact?.email) {
      const lang = (contact.language ?? customer.language ?? org.language) === "es" ? "es" : "en";
      const locale = lang === "es" ? "es-ES" : "en-GB";
      const email = await renderEmail(
        "payment_receipt",
        lang,
        {
          org_name: org.name,
          contact_name: contact.name,
          number: invoice.number,
          amount: formatMoney(payment.amountMinor, payment.currency, locale),
          due: formatMoney(Math.max(0, invoice.totalMinor - paidMinor), invoice.currency, locale),
          reference: c.reference,
        },
        {
          buttonUrl: `${deps.config.publicUrl}/p/${org.portalSlug}/invoices/${invoice.id}`,
          brandColor: org.brandColor,
        },
      );
      await deps.mailer.enqueue(tx, {
        orgId: org.id,
        kind: "payment_receipt",
        to: contact.email,
        toName: contact.name,
        fromName: org.name,
        replyTo: org.email,
        ...email,
      });
    }
    return { ...base, recorded: true };
  });
  if (result.recorded) void deps.mailer.deliverQueued();
  return result;
}
