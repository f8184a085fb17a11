import { and, eq } from "drizzle-orm";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { checkoutSessions, organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { AppError } from "../../errors/errors.js";
import { callProvider } from "../../gateways/call-provider.js";
import { capturePaypalOrder, type PaypalReturn } from "../../gateways/paypal/paypal-capture.js";
import type { PaypalCredentials } from "../../gateways/paypal/paypal-credentials.js";
import { gatewayEnv, gatewayOf } from "../../gateways/registry.js";
import { loadGatewayCredentials } from "../gateway-credentials/gateway-credentials.service.js";
import { lockDocuments } from "../ledger/allocate.js";
import { applyPaymentEventInTx, planStillFits } from "./record-payment.service.js";

type Outcome = "succeeded" | "processing" | "failed" | "cancelled" | "already_paid";

/**
 * The payer is back from PayPal (`?token=ORDER_ID`): Portico captures the order there (decision 026) and
 * records the capture like a verified notification; PAYMENT.CAPTURE.COMPLETED confirms it again later and
 * changes nothing. Before charging, the checkout must still be open and its invoices still owe what it
 * plans (another tab or staff may have paid them): otherwise the order is left uncaptured and PayPal
 * charges nothing. Answers where the payer's browser goes next.
 */
export async function returnFromPaypal(
  deps: { db: Db; config: Config; mailer: Mailer },
  orgId: string,
  checkoutId: string,
  orderId: string,
): Promise<string> {
  const { db, config } = deps;
  const found = await withOrg(db, orgId, async (tx) => {
    const [checkout] = await tx
      .select()
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.id, checkoutId), eq(checkoutSessions.orgId, orgId)));
    // The order PayPal names must be the one this checkout opened.
    if (checkout?.gateway !== "paypal" || checkout.providerRef !== orderId) return null;
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
    const locked = await lockDocuments(
      tx,
      checkout.allocations.map((a) => a.invoiceId),
    );
    const payable = checkout.status === "open" && planStillFits(checkout.allocations, locked);
    return { checkout, slug: org?.portalSlug ?? "", payable };
  });
  if (!found) throw new AppError("NOT_FOUND");
  const { checkout, slug } = found;
  const single = checkout.allocations.length === 1 ? checkout.allocations[0]?.invoiceId : undefined;
  const back = (outcome: Outcome, paymentId?: string | null) => {
    const page = single ? `invoices/${single}` : paymentId ? `payments/${paymentId}` : "invoices";
    return `/p/${slug}/${page}?payment=${outcome}`;
  };
  if (!found.payable) return back(settledOutcome(checkout.status));

  const gateway = gatewayOf(config, "paypal");
  const credentials = gateway ? await loadGatewayCredentials(db, config, orgId, gateway) : null;
  if (!credentials) return back("failed");
  const env = gatewayEnv(config);
  let result: PaypalReturn;
  try {
    result = await callProvider(env, () =>
      capturePaypalOrder(credentials as PaypalCredentials, env, {
        orderId,
        checkoutId,
        amountMinor: checkout.amountMinor,
        currency: checkout.currency,
      }),
    );
  } catch {
    // PayPal down, or a refusal (CP code): nothing was captured or recorded; the checkout stays open.
    return back("failed");
  }
  if (result.kind === "payer-action") return result.url;
  const event = result.event;
  const confirmation = await withOrg(db, orgId, (tx) => applyPaymentEventInTx(tx, deps, checkout, event));
  if (confirmation.recorded) void deps.mailer.deliverQueued();
  const outcome = confirmation.outcome === "declined" ? "failed" : confirmation.outcome;
  return back(outcome, confirmation.paymentId);
}

/** What a checkout no longer open (or no longer payable) tells the payer coming back. */
function settledOutcome(status: string): Outcome {
  if (status === "succeeded" || status === "processing") return status;
  return status === "open" ? "already_paid" : "failed";
}
