import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { PaymentDetail } from "../../../shared/contracts/index.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { allocations, refunds } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { AppError } from "../../errors/errors.js";
import { callProvider } from "../../gateways/call-provider.js";
import type { RefundResult } from "../../gateways/gateway.js";
import { type AnyGateway, gatewayEnv, gatewayOf } from "../../gateways/registry.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { loadGatewayCredentials } from "../gateway-credentials/gateway-credentials.service.js";
import { lockDocuments } from "../ledger/allocate.js";
import { refreshDocumentInTx } from "../ledger/refresh-document.js";
import { notify } from "../notifications/notifications.service.js";
import { findPayment, findPaymentDetail, type PaymentRow } from "./payment-queries.js";
import { insertRefundInTx, type RefundInput } from "./payments.service.js";

type RefundDeps = { db: Db; config: Config; mailer: Mailer };
type RefundRow = typeof refunds.$inferSelect;

/** The provider that takes this payment's refunds online, if any (A10). */
function onlineGatewayOf(config: Config, p: PaymentRow): AnyGateway | null {
  if (p.method !== "gateway" || !p.gateway || !p.gatewayReference) return null;
  const g = gatewayOf(config, p.gateway);
  return g?.capabilities.refunds && g.refund ? g : null;
}

/**
 * The idempotency key of a refund: the same payment, the same refunded-so-far and the same amount give
 * the same key. When the provider did not answer, the refund is undone here but may have happened
 * there; staff refunding the same amount again send the same key, so the provider refunds once.
 */
export function refundIdempotencyKey(paymentId: string, refundedBeforeMinor: number, amountMinor: number) {
  const h = createHash("sha256")
    .update(`refund|${paymentId}|${refundedBeforeMinor}|${amountMinor}`)
    .digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Staff refund a payment (A10). Offline payments, and gateway payments whose provider cannot refund,
 * are refunded as before. Otherwise the refund is written "pending" in a transaction under the usual
 * checks, the provider is called OUTSIDE it with `refundIdempotencyKey`, and then the refund succeeds (or
 * stays pending until the provider's notification), or it is taken back and staff told: refused, or not
 * answered (then it may have happened at the provider, and repeating the same refund is safe).
 */
export async function refundPaymentWithGateway(
  deps: RefundDeps,
  actor: { orgId: string; userId: string; apiKeyId?: string | null },
  paymentId: string,
  input: RefundInput,
): Promise<PaymentDetail> {
  const { orgId, userId } = actor;
  const apiKeyId = actor.apiKeyId ?? null;
  const { db, config } = deps;
  const { payment, refund } = await withOrg(db, orgId, (tx) =>
    insertRefundInTx(
      tx,
      orgId,
      userId,
      paymentId,
      input,
      apiKeyId,
      (p) => onlineGatewayOf(config, p) !== null,
    ),
  );
  const gateway = refund.status === "pending" ? onlineGatewayOf(config, payment) : null;
  if (gateway?.refund && payment.gatewayReference) {
    const env = gatewayEnv(config);
    const refundAt = gateway.refund.bind(gateway);
    const reference = payment.gatewayReference;
    let result: RefundResult | AppError;
    try {
      const credentials = await loadGatewayCredentials(db, config, orgId, gateway);
      if (credentials === null) throw new AppError("GATEWAY_CREDENTIALS_MISSING");
      result = await callProvider(env, () =>
        refundAt(credentials, env, {
          paymentReference: reference,
          amountMinor: refund.amountMinor,
          currency: refund.currency,
          idempotencyKey: refundIdempotencyKey(payment.id, input.expectedRefundedMinor, refund.amountMinor),
        }),
      );
    } catch (err) {
      result = err instanceof AppError ? err : new AppError("GATEWAY_UNAVAILABLE");
    }
    if (result instanceof AppError || result.status === "failed") {
      await withOrg(db, orgId, async (tx) => {
        await undoRefundInTx(tx, refund);
        const customer = await loadCustomerRecord(tx, payment.customerId);
        // No answer is not a refusal: the provider may have refunded. Staff are told to check there.
        const unknown = result instanceof AppError && result.code === "GATEWAY_UNAVAILABLE";
        await notify(tx, deps, orgId, unknown ? "refund_unconfirmed" : "refund_failed", {
          paymentId: payment.id,
          number: payment.number,
          customerName: customer.name,
          amountMinor: refund.amountMinor,
          currency: refund.currency,
          code: result instanceof AppError ? result.code : (result.failureCode ?? null),
        });
      });
      void deps.mailer.deliverQueued();
      throw result instanceof AppError ? result : new AppError("REFUND_FAILED");
    }
    await withOrg(db, orgId, (tx) =>
      tx
        .update(refunds)
        .set({
          status: result.status === "succeeded" ? "succeeded" : "pending",
          gatewayReference: result.reference,
        })
        .where(eq(refunds.id, refund.id)),
    );
  }
  return withOrg(db, orgId, async (tx) => findPaymentDetail(tx, await findPayment(tx, paymentId)));
}

/** Takes a refund back (the provider refused it): its reversed allocations go, the invoices owe as before. */
export async function undoRefundInTx(tx: Tx, refund: RefundRow): Promise<void> {
  const rows = await tx
    .select({ invoiceId: allocations.invoiceId })
    .from(allocations)
    .where(eq(allocations.refundId, refund.id));
  const invoiceIds = [...new Set(rows.map((r) => r.invoiceId))];
  await lockDocuments(tx, invoiceIds);
  if (invoiceIds.length > 0) await tx.delete(allocations).where(eq(allocations.refundId, refund.id));
  await tx.delete(refunds).where(eq(refunds.id, refund.id));
  for (const id of invoiceIds) await refreshDocumentInTx(tx, id);
}
