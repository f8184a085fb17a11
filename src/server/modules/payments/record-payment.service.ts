import { eq } from "drizzle-orm";
import { preferredLanguage } from "../../../shared/language.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { checkoutSessions, contacts, organisations, type PlannedAllocation } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import { renderOrgEmail } from "../../email/editable/render.js";
import type { Mailer } from "../../email/mailer.js";
import { AppError } from "../../errors/errors.js";
import type { GatewayEvent } from "../../gateways/gateway.js";
import { sandboxEventOf } from "../../gateways/sandbox/sandbox-gateway.js";
import type { SandboxOutcome } from "../../gateways/sandbox/sandbox-signature.js";
import { publishStatus } from "../../realtime/realtime.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { isOpenStatus } from "../documents/document-facts.js";
import { type DocumentRow, dueOf, lockDocuments } from "../ledger/allocate.js";
import { notify } from "../notifications/notifications.service.js";
import { recordSavedMethodInTx } from "../saved-methods/saved-methods.service.js";
import { insertPaymentInTx } from "./payments.service.js";

export type PaymentEvent = Extract<GatewayEvent, { kind: "payment" }>;
type Checkout = typeof checkoutSessions.$inferSelect;

export interface ConfirmationResult {
  slug: string;
  /** Where the payer goes back to: the one invoice paid, or null for several (the payments page). */
  invoiceId: string | null;
  paymentId: string | null;
  outcome: "succeeded" | "declined" | "cancelled" | "processing" | "already_paid";
  /** False when this confirmation repeated one already recorded, or recorded nothing. */
  recorded: boolean;
}

/**
 * Applies a verified gateway confirmation (F3). The payment row is unique on (org, gateway, reference), so
 * a confirmation that arrives twice — the redirect and the webhook, or a provider's retry — records
 * nothing the second time. The checkout's invoices are locked (in id order) and the plan re-checked: when
 * another tab paid them meanwhile, the sandbox records nothing and the checkout fails with ALREADY_PAID
 * (its page charged nothing). A real provider has already taken the money (see `applyPaymentEventInTx`).
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
  const event = sandboxEventOf({ session: c.checkoutId, status: c.outcome, reference: c.reference });
  const result = await withOrg(deps.db, checkout.orgId, (tx) =>
    applyPaymentEventInTx(tx, deps, checkout, event as PaymentEvent),
  );
  if (result.recorded) void deps.mailer.deliverQueued();
  return result;
}

/**
 * One verified payment event of a checkout, in the caller's transaction (the notification's, which also
 * stores the event id). The checkout's state only moves forward: open → processing → succeeded, or to
 * failed/cancelled; a "processing" after "succeeded" (out of order) changes nothing, and a failure after
 * "processing" (a bank debit that bounced) fails the checkout and tells staff — nothing had been recorded.
 */
export async function applyPaymentEventInTx(
  tx: Tx,
  deps: { config: Config; mailer: Mailer },
  checkout: Checkout,
  c: PaymentEvent,
): Promise<ConfirmationResult> {
  const single = checkout.allocations.length === 1 ? (checkout.allocations[0]?.invoiceId ?? null) : null;
  {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, checkout.orgId));
    if (!org) throw new AppError("NOT_FOUND");
    const base = { slug: org.portalSlug, invoiceId: single, paymentId: null };
    const locked = await lockDocuments(
      tx,
      checkout.allocations.map((a) => a.invoiceId),
    );
    // The checkout row is re-read under the invoices' locks: a twin confirmation that committed first
    // is seen here.
    const [current] = await tx.select().from(checkoutSessions).where(eq(checkoutSessions.id, checkout.id));
    if (!current) throw new AppError("NOT_FOUND");
    const finish = (status: "failed" | "cancelled", failureCode: string | null) =>
      tx
        .update(checkoutSessions)
        .set({ status, failureCode, completedAt: clock.now() })
        .where(eq(checkoutSessions.id, checkout.id));
    const pending = current.status === "open" || current.status === "processing";
    if (c.status === "processing") {
      if (current.status === "open") {
        await tx
          .update(checkoutSessions)
          .set({ status: "processing" })
          .where(eq(checkoutSessions.id, checkout.id));
        await publishInvoices(tx, org.id, checkout.customerId, [...locked.values()]);
      }
      return { ...base, outcome: "processing", recorded: false };
    }
    if (c.status !== "succeeded") {
      if (pending) await finish(c.status === "failed" ? "failed" : "cancelled", c.failureCode ?? null);
      // A refusal staff should read (RedSys' code without a CP code), told once: the checkout was open.
      const declined = current.status === "open" && c.status === "failed" && c.declineReason !== undefined;
      if (current.status === "processing" || declined) {
        const customer = await loadCustomerRecord(tx, checkout.customerId);
        // A bank debit that bounced: the invoices were never marked paid; they stop showing "processing".
        if (current.status === "processing")
          await publishInvoices(tx, org.id, checkout.customerId, [...locked.values()]);
        await notify(tx, deps, org.id, "payment_failed", {
          invoiceId: single ?? checkout.allocations[0]?.invoiceId ?? "",
          number: [...locked.values()].map((d) => d.number ?? "").join(", "),
          customerName: customer.name,
          amountMinor: checkout.amountMinor,
          currency: checkout.currency,
          code: c.providerCode ?? c.failureCode ?? null,
          ...(c.declineReason ? { reasonEs: c.declineReason.es, reasonEn: c.declineReason.en } : {}),
        });
      }
      return { ...base, outcome: c.status === "failed" ? "declined" : "cancelled", recorded: false };
    }
    if (current.status === "succeeded") return { ...base, outcome: "succeeded", recorded: false };
    const fits = pending && planStillFits(checkout.allocations, locked);
    // The sandbox's page charged nothing, so a plan that no longer fits records nothing. A real provider
    // has captured the money when it says "succeeded" (Stripe, RedSys, a PayPal capture): it is never
    // dropped. What still fits is applied, the rest stays on the payment as the customer's credit, and
    // staff are told to apply or refund it.
    if (!fits && checkout.gateway === "sandbox") {
      if (pending) await finish("failed", "ALREADY_PAID");
      return { ...base, outcome: "already_paid", recorded: false };
    }
    const plan = fits ? checkout.allocations : fittingPart(checkout.allocations, locked);
    const payment = await insertPaymentInTx(
      tx,
      {
        orgId: checkout.orgId,
        customerId: checkout.customerId,
        amountMinor: checkout.amountMinor,
        currency: checkout.currency,
        method: "gateway",
        paidOn: clock.today(org.timeZone),
        gateway: checkout.gateway,
        gatewayReference: c.reference,
        checkoutId: checkout.id,
        contactId: checkout.contactId,
      },
      plan,
      locked,
    );
    if (c.savedMethod) {
      const owner = { orgId: checkout.orgId, customerId: checkout.customerId, contactId: checkout.contactId };
      await recordSavedMethodInTx(tx, { ...owner, gateway: checkout.gateway }, c.savedMethod);
    }
    const now = clock.now();
    await tx
      .update(checkoutSessions)
      .set({ status: "succeeded", completedAt: now })
      .where(eq(checkoutSessions.id, checkout.id));
    const after = await lockDocuments(
      tx,
      checkout.allocations.map((a) => a.invoiceId),
    );
    // A confirmed payment is recorded even if the customer was archived since the checkout began.
    const customer = await loadCustomerRecord(tx, checkout.customerId);
    const paid = [...after.values()];
    await publishInvoices(tx, org.id, checkout.customerId, paid);
    const numbers = paid.map((d) => d.number ?? "").join(", ");
    const amount = { amountMinor: payment.amountMinor, currency: payment.currency };
    const unappliedMinor = payment.amountMinor - plan.reduce((s, a) => s + a.amountMinor, 0);
    if (unappliedMinor > 0)
      await notify(tx, deps, org.id, "payment_unapplied", {
        paymentId: payment.id,
        number: payment.number,
        customerName: customer.name,
        amountMinor: unappliedMinor,
        currency: payment.currency,
      });
    await notify(tx, deps, org.id, "payment_received", {
      invoiceId: single ?? paid[0]?.id ?? "",
      number: numbers,
      customerName: customer.name,
      ...amount,
    });
    for (const inv of paid)
      if (inv.status === "paid")
        await notify(tx, deps, org.id, "invoice_paid", {
          invoiceId: inv.id,
          number: inv.number,
          customerName: customer.name,
        });
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, checkout.contactId));
    if (contact?.email) {
      const lang = preferredLanguage(contact.language, customer.language, org.language);
      const stillDue = paid.reduce((s, d) => s + dueOf(d), 0);
      const email = await renderOrgEmail(
        tx,
        org.id,
        "payment_receipt",
        lang,
        {
          org_name: org.name,
          contact_name: contact.name,
          number: numbers,
          amount_minor: payment.amountMinor,
          due_minor: stillDue,
          currency: payment.currency,
          reference: c.reference,
          receipt_number: payment.number,
        },
        {
          buttonUrl: `${deps.config.publicUrl}/p/${org.portalSlug}/payments/${payment.id}`,
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
    return { ...base, paymentId: payment.id, outcome: "succeeded", recorded: true };
  }
}

async function publishInvoices(tx: Tx, orgId: string, customerId: string, docs: DocumentRow[]) {
  for (const inv of docs)
    await publishStatus(tx, {
      orgId,
      customerId,
      documentType: "invoice",
      documentId: inv.id,
      status: inv.status,
    });
}

/** The plan still fits: every planned amount is at most what its invoice owes now. */
/** What of a plan the locked invoices still owe: each planned amount cut to what is due, open ones only. */
function fittingPart(plan: PlannedAllocation[], locked: Map<string, DocumentRow>): PlannedAllocation[] {
  return plan.flatMap((a) => {
    const d = locked.get(a.invoiceId);
    const amountMinor = d !== undefined && isOpenStatus(d.status) ? Math.min(a.amountMinor, dueOf(d)) : 0;
    return amountMinor > 0 ? [{ invoiceId: a.invoiceId, amountMinor }] : [];
  });
}

export function planStillFits(plan: PlannedAllocation[], locked: Map<string, DocumentRow>): boolean {
  return plan.every((a) => {
    const d = locked.get(a.invoiceId);
    return d !== undefined && isOpenStatus(d.status) && a.amountMinor <= dueOf(d);
  });
}
