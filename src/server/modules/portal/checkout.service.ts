import { and, desc, eq, sql } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import {
  type CheckoutRequest,
  checkoutSessions,
  contacts,
  organisations,
  type PlannedAllocation,
} from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { type ErrorCode, errorCodes } from "../../errors/error-codes.js";
import { AppError } from "../../errors/errors.js";
import { callProvider } from "../../gateways/call-provider.js";
import type { CheckoutInput, CheckoutStart } from "../../gateways/gateway.js";
import { type AnyGateway, gatewayEnv, gatewayOf } from "../../gateways/registry.js";
import { type AuditOrigin, recordContactEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomer, loadCustomerRecord } from "../customers/customers.service.js";
import { dueOf } from "../documents/document-facts.js";
import { loadGatewayCredentials, notifyUrlOf } from "../gateway-credentials/gateway-credentials.service.js";
import { type DocumentRow, lockDocuments } from "../ledger/allocate.js";
import { openInvoiceDues } from "../ledger/open-invoices.js";
import { assertGatewayAllowed, portalOptionsOf } from "../organisation/portal-policy.js";
import { offeredGateways } from "../payments/gateways.js";
import { providerCustomerIdOf } from "../saved-methods/saved-methods.service.js";
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

/** Where the payer's browser goes: the provider's page, or Portico's page that posts the provider's form. */
function urlOf(config: Config, checkoutId: string, start: CheckoutStart): string {
  return start.kind === "redirect" ? start.url : `${config.publicUrl}/gateways/form/${checkoutId}`;
}

/** The gateway the contact chose among those offered, or the first offered when it chose none. */
function chooseGateway(config: Config, offered: readonly string[], chosen: string | undefined): AnyGateway {
  const id = chosen ?? offered.find((g) => gatewayOf(config, g)?.capabilities.online);
  const g = id !== undefined && offered.includes(id) ? gatewayOf(config, id) : undefined;
  if (!g?.capabilities.online) throw new AppError("GATEWAY_NOT_AVAILABLE");
  return g;
}

/**
 * CP4003 for a currency the provider does not take, CP4001 below its minimum (F4), CP4002 when the contact
 * asks to keep the method for later charges (E12, the recurring profiles' auto-charge) at a gateway that
 * keeps none: refused before anything is written, rather than paid without the saving asked for.
 */
function checkCapabilities(g: AnyGateway, amountMinor: number, currency: string, saveMethod: boolean) {
  const { currencies, minimumMinor } = g.capabilities;
  if (saveMethod && !g.capabilities.savedMethods) throw new AppError("CP4002");
  if (currencies !== "any" && !currencies.includes(currency)) throw new AppError("CP4003");
  if (amountMinor < minimumMinor(currency)) throw new AppError("CP4001");
}

type Opened =
  | { kind: "started"; checkoutUrl: string }
  | { kind: "start"; checkout: typeof checkoutSessions.$inferSelect; gateway: AnyGateway; slug: string };

/**
 * "Pay now" (F2): opens a checkout at the chosen gateway for the chosen invoices. The idempotency key is
 * unique per organisation, so a double click or a retried request returns the checkout of the first one.
 * The checkout row is written first, in the contact's transaction; the provider is called after it, with
 * the same key as its idempotency key, and what it answers is stored. A provider that fails or does not
 * answer marks the checkout failed and records nothing (GATEWAY_UNAVAILABLE or its CP code). Nothing is
 * reserved here: the confirmation re-checks what is owed (two tabs may both open a checkout).
 */
export async function startCheckout(
  db: Db,
  config: Config,
  p: ContactPrincipal,
  req: PayRequest,
  idempotencyKey: string,
  origin: AuditOrigin,
  chosenGateway?: string,
  saveMethod = false,
): Promise<{ checkoutUrl: string }> {
  const opened = await openCheckout(db, config, p, {
    req,
    idempotencyKey,
    origin,
    chosenGateway,
    saveMethod,
  });
  if (opened.kind === "started") return { checkoutUrl: opened.checkoutUrl };
  const { checkout, gateway, slug } = opened;
  const env = gatewayEnv(config);
  let start: CheckoutStart;
  try {
    const credentials = await loadGatewayCredentials(db, config, p.orgId, gateway);
    if (credentials === null) throw new AppError("GATEWAY_CREDENTIALS_MISSING");
    const payer = await payerOf(db, p);
    const providerCustomerId = gateway.capabilities.savedMethods
      ? await withContact(db, p.orgId, p.customerId, (tx) => reusableCustomerId(tx, p, gateway.id))
      : null;
    const single = checkout.allocations.length === 1 ? checkout.allocations[0]?.invoiceId : undefined;
    const back = `${config.publicUrl}/p/${slug}/${single ? `invoices/${single}` : "invoices"}`;
    start = await callProvider(env, () =>
      gateway.startCheckout(credentials, env, {
        checkoutId: checkout.id,
        orgId: p.orgId,
        amountMinor: checkout.amountMinor,
        currency: checkout.currency,
        description: checkout.description,
        invoiceIds: checkout.allocations.map((a) => a.invoiceId),
        payer,
        successUrl: `${back}?payment=succeeded`,
        cancelUrl: `${back}?payment=cancelled`,
        notifyUrl: notifyUrlOf(config, gateway.id, p.orgId),
        idempotencyKey: `${p.orgId}:${checkout.idempotencyKey}`,
        saveMethod: saveMethod && gateway.capabilities.savedMethods,
        providerCustomerId,
      }),
    );
  } catch (err) {
    const failure = err instanceof AppError ? err : new AppError("GATEWAY_UNAVAILABLE");
    await withContact(db, p.orgId, p.customerId, (tx) =>
      tx
        .update(checkoutSessions)
        .set({ status: "failed", failureCode: failure.code, completedAt: clock.now() })
        .where(and(eq(checkoutSessions.id, checkout.id), eq(checkoutSessions.status, "open"))),
    );
    throw failure;
  }
  await withContact(db, p.orgId, p.customerId, (tx) =>
    tx
      .update(checkoutSessions)
      .set({ providerRef: start.providerRef, providerStart: start })
      .where(eq(checkoutSessions.id, checkout.id)),
  );
  return { checkoutUrl: urlOf(config, checkout.id, start) };
}

/**
 * The provider's customer of this contact (issue 13): the one holding its saved methods, else the one its
 * last checkout through this gateway created, so each checkout does not add another customer at Stripe.
 * A customer the provider no longer knows (other keys since) is replaced there (stripe-gateway.ts).
 */
async function reusableCustomerId(tx: Tx, p: ContactPrincipal, gateway: string): Promise<string | null> {
  const saved = await providerCustomerIdOf(tx, p, gateway);
  if (saved) return saved;
  const [last] = await tx
    .select({ id: sql<string>`${checkoutSessions.providerStart} ->> 'providerCustomerId'` })
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.contactId, p.contactId),
        eq(checkoutSessions.gateway, gateway),
        sql`${checkoutSessions.providerStart} ->> 'providerCustomerId' is not null`,
      ),
    )
    .orderBy(desc(checkoutSessions.createdAt))
    .limit(1);
  return last?.id ?? null;
}

/** Who pays, as the provider's page shows it and its receipts are addressed. */
async function payerOf(db: Db, p: ContactPrincipal): Promise<CheckoutInput["payer"]> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const customer = await loadCustomerRecord(tx, p.customerId);
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, p.contactId));
    return {
      customerId: p.customerId,
      contactId: p.contactId,
      name: contact?.name ?? customer.name,
      email: contact?.email ?? null,
      language: contact?.language ?? customer.language ?? "es",
      mayPayByBank: customer.mayPayByBank,
    };
  });
}

/** The checkout row of this request: the first one of its key, or a new one (in the contact's scope). */
function openCheckout(
  db: Db,
  config: Config,
  p: ContactPrincipal,
  asked: {
    req: PayRequest;
    idempotencyKey: string;
    origin: AuditOrigin;
    chosenGateway: string | undefined;
    saveMethod: boolean;
  },
): Promise<Opened> {
  const { req, idempotencyKey, origin, chosenGateway, saveMethod } = asked;
  return withContact(db, p.orgId, p.customerId, async (tx): Promise<Opened> => {
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
    if (offered.length === 0) throw new AppError("GATEWAY_NOT_AVAILABLE");
    const request = await requestOf(tx, p, req);
    const replay = (first: typeof checkoutSessions.$inferSelect): Opened => {
      if (first.contactId !== p.contactId || !sameRequest(first, request)) throw new AppError("CONFLICT");
      if (first.providerStart)
        return { kind: "started", checkoutUrl: urlOf(config, first.id, first.providerStart) };
      // The first attempt failed at the provider: the same key answers the same failure.
      if (first.status === "failed")
        throw new AppError(errorCodeOr(first.failureCode, "GATEWAY_UNAVAILABLE"));
      const firstGateway = gatewayOf(config, first.gateway);
      if (!firstGateway) throw new AppError("GATEWAY_NOT_AVAILABLE");
      // Started but not answered yet (or the server stopped meanwhile): ask again with the same key.
      return { kind: "start", checkout: first, gateway: firstGateway, slug: org.portalSlug };
    };
    const first = await existing();
    if (first) return replay(first);
    // One invoice: among what it offers (staff may have narrowed it). Everything: the invoices that
    // offer the chosen gateway.
    const own =
      req.kind === "invoice"
        ? (await lockDocuments(tx, [req.invoiceId])).get(req.invoiceId)?.gateways
        : undefined;
    const candidates = own ? offered.filter((g) => own.includes(g)) : offered;
    const gateway = chooseGateway(
      config,
      candidates.length > 0 || chosenGateway !== undefined ? candidates : offered,
      chosenGateway,
    );
    const { currency, plan, docs } = await planFor(tx, p, request.kind === "all" ? request : req, [
      gateway.id,
    ]);
    const amount = plan.reduce((s, a) => s + a.amountMinor, 0);
    checkCapabilities(gateway, amount, currency, saveMethod);
    // C4: a gateway behind a portal option (PayPal) is refused when the option is off.
    assertGatewayAllowed(portalOptionsOf(org), gateway.id);
    const numbers = docs.map((d) => d.number).join(", ");
    const [row] = await tx
      .insert(checkoutSessions)
      .values({
        orgId: p.orgId,
        customerId: p.customerId,
        contactId: p.contactId,
        allocations: plan,
        request,
        gateway: gateway.id,
        idempotencyKey,
        amountMinor: amount,
        currency,
        description: `${numbers.length > 120 ? `${docs.length} × ${docs[0]?.number}…` : numbers} · ${org.name}`,
      })
      .onConflictDoNothing()
      .returning();
    if (row) {
      // G3: only a new checkout is an event; a replayed key returned the first one above.
      await recordContactEvent(
        tx,
        p,
        {
          action: "payment_started",
          documentType: "invoice",
          documentId: plan.length === 1 ? (plan[0]?.invoiceId ?? null) : null,
          details: { gateway: gateway.id, amountMinor: amount, currency, invoices: plan.length },
        },
        origin,
      );
      return { kind: "start", checkout: row, gateway, slug: org.portalSlug };
    }
    // A concurrent twin inserted the same key first and has committed (the insert waited for it): its
    // row is the answer, read by this new statement.
    const twin = await existing();
    if (!twin) throw new AppError("CONFLICT");
    return replay(twin);
  });
}

const errorCodeOr = (code: string | null, fallback: ErrorCode): ErrorCode =>
  code !== null && code in errorCodes ? (code as ErrorCode) : fallback;
