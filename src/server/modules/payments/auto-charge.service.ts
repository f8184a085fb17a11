import { and, eq, sql } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { auditEvents, checkoutSessions } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { AppError } from "../../errors/errors.js";
import { callProvider } from "../../gateways/call-provider.js";
import type { OffSessionCharge } from "../../gateways/gateway.js";
import { gatewayEnv, gatewayOf } from "../../gateways/registry.js";
import type { JobHandler } from "../../jobs/job-types.js";
import { recordAutomaticEvent } from "../audit/audit.service.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { dueOf, isOpenStatus } from "../documents/document-facts.js";
import { loadGatewayCredentials } from "../gateway-credentials/gateway-credentials.service.js";
import { emailInvoiceInTx } from "../invoices/invoice-send.service.js";
import { type DocumentRow, lockDocuments } from "../ledger/allocate.js";
import { notify } from "../notifications/notifications.service.js";
import { assertRecurringChargeAllowedInTx } from "../recurring/recurring.service.js";
import { customerChargeMethod } from "../saved-methods/saved-methods.service.js";
import { applyPaymentEventInTx } from "./record-payment.service.js";

export const AUTO_CHARGE_JOB = "invoice.auto_charge";
/** An outage is retried with the runner's backoff this many times in all, then the charge counts as failed. */
export const AUTO_CHARGE_MAX_ATTEMPTS = 4;

/** Why an automatic charge did not go through, as the contact's email and staff's notice say it. */
type FailureReason = "declined" | "authentication_required" | "no_method" | "unavailable";

type Deps = { db: Db; config: Config; mailer: Mailer };
type Checkout = typeof checkoutSessions.$inferSelect;

/**
 * `invoice.auto_charge` (issue 15 §2, decision 038), enqueued by a recurring profile in "create, charge
 * the saved method and send" mode: charges what the invoice still owes to the customer's saved method,
 * off-session, through the gateway that saved it. The charge is a checkout row keyed by the job, so every
 * attempt of the job is one checkout and one idempotency key at the provider (never two charges), and the
 * payment is recorded through `applyPaymentEventInTx` (once per provider reference, as a webhook would).
 * A refusal (declined, 3-D Secure wanted, no saved method) emails the contacts a link to pay on the portal
 * and tells staff; an outage is retried a few times, then handled as a refusal: never retried forever.
 */
export const autoChargeHandler: JobHandler<{ invoiceId: string }> = {
  kind: AUTO_CHARGE_JOB,
  maxAttempts: AUTO_CHARGE_MAX_ATTEMPTS,
  async run(ctx, job) {
    if (!job.orgId) throw new Error("invoice.auto_charge needs an organisation");
    const deps = { db: ctx.database.db, config: ctx.config, mailer: ctx.mailer };
    await autoChargeInvoice(deps, job.orgId, job.payload.invoiceId, {
      key: `auto-charge:${job.id}`,
      lastAttempt: job.attempt >= AUTO_CHARGE_MAX_ATTEMPTS,
    });
    void ctx.mailer.deliverQueued();
  },
};

export type AutoChargeOutcome =
  | "nothing_due"
  | "not_allowed"
  | "succeeded"
  | "processing"
  | FailureReason
  | "already_done";

export async function autoChargeInvoice(
  deps: Deps,
  orgId: string,
  invoiceId: string,
  run: { key: string; lastAttempt: boolean },
): Promise<AutoChargeOutcome> {
  const opened = await withOrg(deps.db, orgId, (tx) => openCharge(tx, deps, orgId, invoiceId, run.key));
  if (opened.kind !== "charge") return opened.kind;
  const { checkout, method } = opened;
  const gateway = gatewayOf(deps.config, checkout.gateway);
  let charge: OffSessionCharge;
  try {
    if (!gateway?.chargeSavedMethod) throw new AppError("GATEWAY_NOT_AVAILABLE");
    const credentials = await loadGatewayCredentials(deps.db, deps.config, orgId, gateway);
    if (credentials === null) throw new AppError("GATEWAY_CREDENTIALS_MISSING");
    const env = gatewayEnv(deps.config);
    charge = await callProvider(env, () =>
      // biome-ignore lint/style/noNonNullAssertion: checked above
      gateway.chargeSavedMethod!(credentials, env, {
        checkoutId: checkout.id,
        orgId,
        amountMinor: checkout.amountMinor,
        currency: checkout.currency,
        description: checkout.description,
        invoiceIds: checkout.allocations.map((a) => a.invoiceId),
        providerCustomerId: method.providerCustomerId,
        providerMethodId: method.providerMethodId,
        idempotencyKey: `${orgId}:${checkout.idempotencyKey}`,
      }),
    );
  } catch (err) {
    const unavailable = !(err instanceof AppError) || err.code === "GATEWAY_UNAVAILABLE";
    // An outage may pass: the job is retried with the same key (the provider replays, never charges twice).
    if (unavailable && !run.lastAttempt) throw err;
    const code = err instanceof AppError ? err.code : "GATEWAY_UNAVAILABLE";
    await withOrg(deps.db, orgId, (tx) =>
      finishFailed(tx, deps, orgId, checkout, { reason: "unavailable", code, reference: null }),
    );
    return "unavailable";
  }
  return withOrg(deps.db, orgId, async (tx) => {
    if (charge.status === "succeeded" || charge.status === "processing") {
      await applyPaymentEventInTx(tx, deps, checkout, {
        kind: "payment",
        checkoutId: checkout.id,
        reference: charge.reference,
        status: charge.status,
        amount: { amountMinor: checkout.amountMinor, currency: checkout.currency },
      });
      await recordAutomaticEvent(tx, {
        orgId,
        customerId: checkout.customerId,
        contactId: checkout.contactId,
        action: "auto_charge_succeeded",
        documentType: "invoice",
        documentId: invoiceId,
        details: {
          gateway: checkout.gateway,
          amountMinor: checkout.amountMinor,
          currency: checkout.currency,
        },
      });
      return charge.status;
    }
    const reason = charge.status === "authentication_required" ? "authentication_required" : "declined";
    await finishFailed(tx, deps, orgId, checkout, { reason, code: charge.code, reference: charge.reference });
    return reason;
  });
}

async function recurringChargeRefused(tx: Tx, invoiceId: string): Promise<boolean> {
  try {
    await assertRecurringChargeAllowedInTx(tx, invoiceId);
    return false;
  } catch (err) {
    if (err instanceof AppError && err.code === "CP1004") return true;
    throw err;
  }
}

type Opened =
  | { kind: "nothing_due" | "already_done" | "no_method" | "not_allowed" }
  | { kind: "charge"; checkout: Checkout; method: { providerCustomerId: string; providerMethodId: string } };

/**
 * The charge's checkout: the one of this job's key (a retried attempt), or a new one for what the invoice
 * owes now. Nothing owed (paid or voided meanwhile) charges nothing; no saved method is a refusal, told
 * once per job (its audit entry is the key).
 */
async function openCharge(
  tx: Tx,
  deps: Deps,
  orgId: string,
  invoiceId: string,
  key: string,
): Promise<Opened> {
  const [existing] = await tx
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.orgId, orgId), eq(checkoutSessions.idempotencyKey, key)));
  const invoice = (await lockDocuments(tx, [invoiceId])).get(invoiceId);
  if (!invoice) return { kind: "nothing_due" };
  const method = await customerChargeMethod(tx, invoice.customerId);
  if (existing) {
    if (existing.status !== "open") return { kind: "already_done" };
    if (method) return { kind: "charge", checkout: existing, method };
    // The method was removed between two attempts: the charge cannot happen.
    await finishFailed(tx, deps, orgId, existing, {
      reason: "no_method",
      code: "no_saved_method",
      reference: null,
    });
    return { kind: "no_method" };
  }
  if (invoice.kind !== "invoice" || !isOpenStatus(invoice.status) || dueOf(invoice) <= 0)
    return { kind: "nothing_due" };
  // CP1004 (decision 037): the invoice's recurring profile was deleted after it was made, and with it the
  // customer's standing order to charge the saved method. Nothing is charged nor emailed; staff are told.
  if (await recurringChargeRefused(tx, invoiceId)) {
    const customer = await loadCustomerRecord(tx, invoice.customerId);
    await notify(tx, deps, orgId, "payment_failed", {
      invoiceId: invoice.id,
      number: invoice.number ?? "",
      customerName: customer.name,
      amountMinor: dueOf(invoice),
      currency: invoice.currency,
      code: "CP1004",
    });
    return { kind: "not_allowed" };
  }
  if (!method) {
    const [told] = await tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.documentId, invoiceId),
          eq(auditEvents.action, "auto_charge_failed"),
          sql`${auditEvents.details} ->> 'key' = ${key}`,
        ),
      );
    if (told) return { kind: "already_done" };
    await tellFailure(tx, deps, orgId, invoice, { reason: "no_method", code: "no_saved_method", key });
    return { kind: "no_method" };
  }
  const customer = await loadCustomerRecord(tx, invoice.customerId);
  const [checkout] = await tx
    .insert(checkoutSessions)
    .values({
      orgId,
      customerId: invoice.customerId,
      contactId: method.contactId,
      allocations: [{ invoiceId, amountMinor: dueOf(invoice) }],
      request: { kind: "invoice", invoiceId, amountMinor: dueOf(invoice) },
      gateway: method.gateway,
      idempotencyKey: key,
      amountMinor: dueOf(invoice),
      currency: invoice.currency,
      description: `${invoice.number} · ${customer.name}`,
    })
    .returning();
  if (!checkout) throw new Error("checkout not written");
  return { kind: "charge", checkout, method };
}

async function finishFailed(
  tx: Tx,
  deps: Deps,
  orgId: string,
  checkout: Checkout,
  f: { reason: FailureReason; code: string; reference: string | null },
) {
  const [current] = await tx
    .update(checkoutSessions)
    .set({ status: "failed", failureCode: f.code.slice(0, 100), completedAt: clock.now() })
    .where(and(eq(checkoutSessions.id, checkout.id), eq(checkoutSessions.status, "open")))
    .returning({ id: checkoutSessions.id });
  if (!current) return; // finished before (a webhook, an earlier attempt): told then
  const invoiceId = checkout.allocations[0]?.invoiceId ?? "";
  const invoice = (await lockDocuments(tx, [invoiceId])).get(invoiceId);
  if (invoice) await tellFailure(tx, deps, orgId, invoice, { ...f, key: checkout.idempotencyKey });
}

/** The contacts get the invoice with a link to pay it on the portal; staff a payment_failed notice. */
async function tellFailure(
  tx: Tx,
  deps: Deps,
  orgId: string,
  invoice: DocumentRow,
  f: { reason: FailureReason; code: string; key: string },
) {
  const customer = await loadCustomerRecord(tx, invoice.customerId);
  let recipients: string[] = [];
  try {
    const sent = await emailInvoiceInTx(tx, deps, orgId, invoice.id, {
      kind: "auto_charge_failed",
      vars: () => ({ reason: f.reason }),
    });
    recipients = sent.recipients.map((r) => r.contactId);
  } catch (err) {
    // No contact to email: staff are still told (their notice says what happened).
    if (!(err instanceof AppError && err.code === "CUSTOMER_HAS_NO_CONTACT_EMAIL")) throw err;
  }
  await notify(tx, deps, orgId, "payment_failed", {
    invoiceId: invoice.id,
    number: invoice.number ?? "",
    customerName: customer.name,
    amountMinor: dueOf(invoice),
    currency: invoice.currency,
    code: f.code,
  });
  await recordAutomaticEvent(tx, {
    orgId,
    customerId: invoice.customerId,
    contactId: recipients[0] ?? null,
    action: "auto_charge_failed",
    documentType: "invoice",
    documentId: invoice.id,
    details: { reason: f.reason, code: f.code, key: f.key, emailed: recipients.length },
  });
}
