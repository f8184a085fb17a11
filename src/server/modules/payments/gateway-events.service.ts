import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import {
  checkoutSessions,
  gatewayEvents,
  invoices,
  notifications,
  organisations,
  payments,
  refunds,
} from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { AppError } from "../../errors/errors.js";
import { callProvider } from "../../gateways/call-provider.js";
import type { GatewayEvent, NotificationInput } from "../../gateways/gateway.js";
import { type AnyGateway, gatewayEnv, gatewayOf } from "../../gateways/registry.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { loadGatewayCredentials } from "../gateway-credentials/gateway-credentials.service.js";
import { notify } from "../notifications/notifications.service.js";
import { undoRefundInTx } from "./online-refunds.service.js";
import { applyPaymentEventInTx } from "./record-payment.service.js";

/** Where a failure that answers 503 is written down (the request's logger); never given a secret. */
export interface EventLog {
  error(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}
type EventDeps = { db: Db; config: Config; mailer: Mailer; log?: EventLog };

/**
 * The organisation's credentials at this provider, or null when it has none (or none this server can
 * read: a key rotated out, a schema change): nothing to verify against, 404. Any other failure (the
 * database) is no answer about the organisation: 503, so the provider retries, with a log line naming
 * the organisation, the provider and the error's kind only (its message could quote what was read).
 */
async function credentialsForNotification(
  deps: EventDeps,
  gateway: AnyGateway,
  orgId: string,
): Promise<unknown> {
  try {
    return await loadGatewayCredentials(deps.db, deps.config, orgId, gateway);
  } catch (error) {
    const kind = error instanceof Error ? error.name : typeof error;
    // The driver's SQLSTATE, on the error or on the one it wraps (drizzle's "Failed query").
    const failure = error as { code?: unknown; cause?: { code?: unknown } } | null;
    const code = failure?.code ?? failure?.cause?.code;
    deps.log?.error(
      { gateway: gateway.id, orgId, error: kind, ...(typeof code === "string" ? { code } : {}) },
      "gateway notification: the organisation's credentials could not be loaded",
    );
    throw new AppError("GATEWAY_UNAVAILABLE");
  }
}

/**
 * A provider's notification for one organisation (issue 13): verified with that organisation's
 * credentials (a bad signature is PAYMENT_SIGNATURE_INVALID and changes nothing), then its event id and
 * every effect are written in ONE transaction — a replay finds the id and does nothing, twice or late.
 */
export async function receiveGatewayNotification(
  deps: EventDeps,
  gatewayId: string,
  orgId: string,
  input: NotificationInput,
): Promise<{ received: true; duplicate: boolean }> {
  const gateway = gatewayOf(deps.config, gatewayId);
  if (!gateway) throw new AppError("NOT_FOUND");
  const credentials = await credentialsForNotification(deps, gateway, orgId);
  // An organisation that does not exist or has no credentials here: nothing to verify against.
  if (credentials === null) throw new AppError("NOT_FOUND");
  const env = gatewayEnv(deps.config);
  const verified = await callProvider(env, () => gateway.verifyNotification(credentials, env, input));
  const duplicate = await withOrg(deps.db, orgId, async (tx) => {
    // The sandbox needs no stored credentials, so the organisation's existence is checked here.
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, orgId));
    if (!org) throw new AppError("NOT_FOUND");
    const [first] = await tx
      .insert(gatewayEvents)
      .values({ orgId, gateway: gateway.id, eventId: verified.eventId })
      .onConflictDoNothing()
      .returning({ id: gatewayEvents.id });
    if (!first) return true;
    for (const event of verified.events) await applyEventInTx(tx, deps, orgId, gateway.id, event);
    return false;
  });
  if (!duplicate) void deps.mailer.deliverQueued();
  return { received: true, duplicate };
}

type Checkout = typeof checkoutSessions.$inferSelect;
type PaymentEvent = Extract<GatewayEvent, { kind: "payment" }>;

const sameMoney = (stated: { amountMinor: number; currency: string }, checkout: Checkout) =>
  stated.amountMinor === checkout.amountMinor && stated.currency.toUpperCase() === checkout.currency;

/**
 * A provider's payment event whose amount or currency is not its checkout's (decision 024): nothing is
 * applied (no payment, the checkout as it was); the event id is kept like any other, so the provider's
 * retries change nothing; staff are told once per provider payment (a notification with both amounts
 * and the provider's reference) and a warning is logged. The notification answers 2xx: the provider
 * has delivered it, and retrying would not make the amounts agree.
 */
async function holdMismatchInTx(
  tx: Tx,
  deps: EventDeps,
  checkout: Checkout,
  event: PaymentEvent,
  stated: { amountMinor: number; currency: string },
) {
  deps.log?.warn(
    {
      gateway: checkout.gateway,
      orgId: checkout.orgId,
      checkoutId: checkout.id,
      reference: event.reference,
      expected: { amountMinor: checkout.amountMinor, currency: checkout.currency },
      stated,
    },
    "gateway notification: amount or currency differs from the checkout's; not applied",
  );
  const [told] = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, checkout.orgId),
        eq(notifications.type, "payment_mismatch"),
        sql`${notifications.data}->>'reference' = ${event.reference}`,
      ),
    )
    .limit(1);
  if (told) return;
  const ids = checkout.allocations.map((a) => a.invoiceId);
  const numbered = ids.length
    ? await tx.select({ number: invoices.number }).from(invoices).where(inArray(invoices.id, ids))
    : [];
  const customer = await loadCustomerRecord(tx, checkout.customerId);
  await notify(tx, deps, checkout.orgId, "payment_mismatch", {
    invoiceId: ids[0] ?? "",
    number: numbered.map((d) => d.number ?? "").join(", "),
    customerName: customer.name,
    gateway: checkout.gateway,
    reference: event.reference,
    amountMinor: stated.amountMinor,
    currency: stated.currency,
    expectedMinor: checkout.amountMinor,
    expectedCurrency: checkout.currency,
  });
}

async function applyEventInTx(tx: Tx, deps: EventDeps, orgId: string, gateway: string, event: GatewayEvent) {
  if (event.kind === "ignored") return;
  if (event.kind === "payment") {
    const [checkout] = await tx
      .select()
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.id, event.checkoutId), eq(checkoutSessions.orgId, orgId)));
    // Another provider's checkout, or one this organisation never opened: nothing of ours to change.
    if (!checkout || checkout.gateway !== gateway) return;
    if (event.amount && !sameMoney(event.amount, checkout)) {
      await holdMismatchInTx(tx, deps, checkout, event, event.amount);
      return;
    }
    await applyPaymentEventInTx(tx, deps, checkout, event);
    return;
  }
  const [payment] = await tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.orgId, orgId),
        eq(payments.gateway, gateway),
        eq(payments.gatewayReference, event.paymentReference),
      ),
    );
  if (!payment) return;
  const customer = await loadCustomerRecord(tx, payment.customerId);
  const about = { paymentId: payment.id, number: payment.number, customerName: customer.name };
  const money = { currency: payment.currency, amountMinor: event.amountMinor };
  if (event.kind === "dispute") {
    const marked = await tx
      .update(payments)
      .set({ disputedAt: clock.now() })
      .where(and(eq(payments.id, payment.id), isNull(payments.disputedAt)))
      .returning({ id: payments.id });
    if (marked.length > 0)
      await notify(tx, deps, orgId, "payment_disputed", { ...about, ...money, reason: event.reason });
    return;
  }
  const [refund] = await tx
    .select()
    .from(refunds)
    .where(
      and(
        eq(refunds.orgId, orgId),
        eq(refunds.paymentId, payment.id),
        eq(refunds.gatewayReference, event.refundReference),
      ),
    );
  if (!refund) {
    // Portico's own refund whose provider answer is not stored yet (the notification overtook it): fail
    // this notification, so its event id is not kept and the provider sends it again once the answer is.
    const [unanswered] = await tx
      .select({ id: refunds.id })
      .from(refunds)
      .where(
        and(
          eq(refunds.orgId, orgId),
          eq(refunds.paymentId, payment.id),
          eq(refunds.status, "pending"),
          isNull(refunds.gatewayReference),
        ),
      );
    if (unanswered)
      throw new AppError("GATEWAY_UNAVAILABLE", [], "a refund of this payment awaits its answer");
    // A refund made at the provider's dashboard is not Portico's: staff record it by hand.
    return;
  }
  if (event.status === "succeeded") {
    if (refund.status === "pending")
      await tx.update(refunds).set({ status: "succeeded" }).where(eq(refunds.id, refund.id));
    return;
  }
  await undoRefundInTx(tx, refund);
  await notify(tx, deps, orgId, "refund_failed", { ...about, ...money, amountMinor: refund.amountMinor });
}
