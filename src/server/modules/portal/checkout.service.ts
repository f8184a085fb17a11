import { and, eq } from "drizzle-orm";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import {
  type CheckoutRequest,
  checkoutSessions,
  organisations,
  type PlannedAllocation,
} from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { type AuditOrigin, recordContactEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomer } from "../customers/customers.service.js";
import { dueOf } from "../documents/document-facts.js";
import { type DocumentRow, lockDocuments } from "../ledger/allocate.js";
import { openInvoiceDues } from "../ledger/open-invoices.js";
import { assertGatewayAllowed, portalOptionsOf } from "../organisation/portal-policy.js";
import { offeredGateways } from "../payments/gateways.js";
import { sandboxGateway } from "../payments/sandbox-gateway.js";
import { assertCan, can } from "./document-policy.js";

/** What the contact asked to pay (F2): one invoice (all, or part when it allows), or everything. */
export type PayRequest =
  | { kind: "invoice"; invoiceId: string; amountMinor?: number }
  | { kind: "all"; currency?: string };

/**
 * Turns a request into allocations over the locked invoices, oldest due first for "everything". Each must
 * be payable with a gateway in `offered` (the portal policy, which also gives the portal's "Pay" flag).
 */
async function planFor(
  tx: Tx,
  p: ContactPrincipal,
  req: PayRequest,
  offered: readonly string[],
): Promise<{ currency: string; plan: PlannedAllocation[]; docs: DocumentRow[] }> {
  if (req.kind === "invoice") {
    const doc = (await lockDocuments(tx, [req.invoiceId])).get(req.invoiceId);
    if (!doc || doc.customerId !== p.customerId) throw new AppError("NOT_FOUND");
    assertCan(p, "pay", { type: "invoice", invoice: doc, offeredGateways: offered });
    const due = dueOf(doc);
    const amount = req.amountMinor ?? due;
    if (amount > due)
      throw new AppError("ALLOCATION_EXCEEDS_DUE", [
        {
          field: "body.amountMinor",
          message: `at most ${due}`,
          code: "amount_over_limit",
          params: { maximumMinor: due, currency: doc.currency },
        },
      ]);
    if (amount < due && !doc.allowPartialPayments) throw new AppError("PARTIAL_PAYMENT_NOT_ALLOWED");
    return { currency: doc.currency, plan: [{ invoiceId: doc.id, amountMinor: amount }], docs: [doc] };
  }
  const currency = req.currency ?? (await loadCustomer(tx, p.customerId)).currency;
  // The home's outstanding is the same query (decision 017); locked, each is re-read before it is planned.
  const open = await openInvoiceDues(tx, p.customerId, { currency });
  const locked = await lockDocuments(
    tx,
    open.map((r) => r.id),
  );
  const docs = open.flatMap((o) => {
    const d = locked.get(o.id);
    return d && can(p, "pay", { type: "invoice", invoice: d, offeredGateways: offered }) ? [d] : [];
  });
  if (docs.length === 0) throw new AppError("NOTHING_TO_PAY");
  return { currency, plan: docs.map((d) => ({ invoiceId: d.id, amountMinor: dueOf(d) })), docs };
}

/** The request as kept with its checkout: "everything" names the currency it resolved to. */
async function requestOf(tx: Tx, p: ContactPrincipal, req: PayRequest): Promise<CheckoutRequest> {
  if (req.kind === "invoice")
    return { kind: "invoice", invoiceId: req.invoiceId, amountMinor: req.amountMinor ?? null };
  return { kind: "all", currency: req.currency ?? (await loadCustomer(tx, p.customerId)).currency };
}

/**
 * A reused idempotency key must carry the same request: another invoice, amount, currency or kind is a
 * conflict, never the first checkout. Checkouts opened before the request was kept compare their plan.
 */
function sameRequest(first: typeof checkoutSessions.$inferSelect, req: CheckoutRequest): boolean {
  if (first.request)
    return (
      first.request.kind === req.kind &&
      (req.kind === "all"
        ? first.request.kind === "all" && first.request.currency === req.currency
        : first.request.kind === "invoice" &&
          first.request.invoiceId === req.invoiceId &&
          first.request.amountMinor === req.amountMinor)
    );
  if (req.kind === "all") return first.currency === req.currency;
  const [only] = first.allocations;
  return (
    first.allocations.length === 1 &&
    only?.invoiceId === req.invoiceId &&
    (req.amountMinor === null || only.amountMinor === req.amountMinor)
  );
}

/**
 * "Pay now" (F2): opens a checkout at the gateway for the chosen invoices. The idempotency key is unique
 * per organisation, so a double click or a retried request returns the checkout of the first one. Nothing
 * is reserved here: the confirmation re-checks what is owed (two tabs may both open a checkout).
 */
export async function startCheckout(
  db: Db,
  config: Config,
  p: ContactPrincipal,
  req: PayRequest,
  idempotencyKey: string,
  origin: AuditOrigin,
): Promise<{ checkoutUrl: string }> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const existing = async () => {
      const [row] = await tx
        .select()
        .from(checkoutSessions)
        .where(and(eq(checkoutSessions.idempotencyKey, idempotencyKey), eq(checkoutSessions.orgId, p.orgId)));
      return row ?? null;
    };
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, p.orgId));
    if (!org) throw new AppError("NOT_FOUND");
    // Issue 9: only a gateway the server runs and the organisation has enabled (the invoices are checked
    // by the portal policy, which reads what each one offers).
    const offered = offeredGateways(config, org);
    if (!offered.includes(sandboxGateway.id)) throw new AppError("GATEWAY_NOT_AVAILABLE");
    const request = await requestOf(tx, p, req);
    const first = await existing();
    if (first && (first.contactId !== p.contactId || !sameRequest(first, request)))
      throw new AppError("CONFLICT");
    if (first) return { checkoutUrl: sandboxGateway.checkoutUrl(config, first.id) };
    const { currency, plan, docs } = await planFor(tx, p, request.kind === "all" ? request : req, offered);
    const amount = plan.reduce((s, a) => s + a.amountMinor, 0);
    sandboxGateway.checkAmount(amount, currency);
    // C4: a gateway behind a portal option (PayPal) is refused when the option is off.
    assertGatewayAllowed(portalOptionsOf(org), sandboxGateway.id);
    const numbers = docs.map((d) => d.number).join(", ");
    const [row] = await tx
      .insert(checkoutSessions)
      .values({
        orgId: p.orgId,
        customerId: p.customerId,
        contactId: p.contactId,
        allocations: plan,
        request,
        gateway: sandboxGateway.id,
        idempotencyKey,
        amountMinor: amount,
        currency,
        description: `${numbers.length > 120 ? `${docs.length} × ${docs[0]?.number}…` : numbers} · ${org.name}`,
      })
      .onConflictDoNothing()
      .returning({ id: checkoutSessions.id });
    if (row) {
      // G3: only a new checkout is an event; a replayed key returned the first one above.
      await recordContactEvent(
        tx,
        p,
        {
          action: "payment_started",
          documentType: "invoice",
          documentId: plan.length === 1 ? (plan[0]?.invoiceId ?? null) : null,
          details: { gateway: sandboxGateway.id, amountMinor: amount, currency, invoices: plan.length },
        },
        origin,
      );
      return { checkoutUrl: sandboxGateway.checkoutUrl(config, row.id) };
    }
    // A concurrent twin inserted the same key first and has committed (the insert waited for it): its
    // row is the answer, read by this new statement.
    const twin = await existing();
    if (!twin || twin.contactId !== p.contactId || !sameRequest(twin, request))
      throw new AppError("CONFLICT");
    return { checkoutUrl: sandboxGateway.checkoutUrl(config, twin.id) };
  });
}
