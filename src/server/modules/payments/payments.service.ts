import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  ApplyBody,
  applyBody,
  ListTotals,
  PaymentDetail,
  PaymentListQuery,
  PaymentPage,
  PaymentTotalsQuery,
  recordPaymentBody,
  refundBody,
} from "../../../shared/contracts/index.js";
import { yearOf } from "../../../shared/dates.js";
import type { Db, Tx } from "../../db/client.js";
import { allocations, invoices, payments, refunds } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { loadCustomer } from "../customers/customers.service.js";
import { defaultSeriesId, formatNumber, takeNextNumber, takeNumbers } from "../documents/numbering.js";
import { orgToday } from "../invoices/invoices.service.js";
import { allocateInTx, allocateManyInTx, lockDocuments } from "../ledger/allocate.js";
import { refreshDocumentInTx } from "../ledger/refresh-document.js";
import { findPaymentListPage, findPaymentListTotals } from "./payment-list.queries.js";
import {
  findPayment,
  findPaymentDetail,
  type PaymentRow,
  paymentFigures,
  refundableOf,
  unappliedOf,
} from "./payment-queries.js";

// Other modules (receipts, the portal's credit) read payments through this service, never its queries.
export {
  findPayment,
  findPaymentDetail,
  listPaymentSummaries,
  type PaymentRow,
  paymentFigures,
  unappliedOf,
} from "./payment-queries.js";

type RecordInput = z.output<typeof recordPaymentBody>;
export type RefundInput = z.output<typeof refundBody>;

/** The next receipt number ("RC2026-0001"), gap-free like every numbered document. */
export async function takeReceiptNumber(tx: Tx, orgId: string, paidOn: string): Promise<string> {
  const seriesId = await defaultSeriesId(tx, "receipt");
  return (await takeNextNumber(tx, orgId, seriesId, yearOf(paidOn))).number;
}

/** Inserts a payment and its allocations in the caller's transaction; targets must be locked. */
export async function insertPaymentInTx(
  tx: Tx,
  input: {
    orgId: string;
    customerId: string;
    amountMinor: number;
    currency: string;
    method: (typeof payments.method.enumValues)[number];
    paidOn: string;
    reference?: string | null;
    notes?: string | null;
    gateway?: string | null;
    gatewayReference?: string | null;
    checkoutId?: string | null;
    contactId?: string | null;
    recordedBy?: string | null;
    apiKeyId?: string | null;
  },
  targets: ApplyBody["allocations"],
  locked: Awaited<ReturnType<typeof lockDocuments>>,
): Promise<typeof payments.$inferSelect> {
  const number = await takeReceiptNumber(tx, input.orgId, input.paidOn);
  const [payment] = await tx
    .insert(payments)
    .values({ ...input, number })
    .onConflictDoNothing()
    .returning();
  // Only a gateway's replayed reference conflicts, and confirmations stop replays before this; failing
  // here rolls the receipt number back, so the series stays gap-free.
  if (!payment) throw new AppError("CONFLICT");
  await allocateInTx(
    tx,
    {
      orgId: input.orgId,
      customerId: input.customerId,
      currency: input.currency,
      paymentId: payment.id,
      availableMinor: payment.amountMinor,
      appliedOn: input.paidOn,
      createdBy: input.recordedBy ?? null,
      apiKeyId: input.apiKeyId ?? null,
    },
    targets,
    locked,
  );
  return payment;
}

type PaymentInput = Parameters<typeof insertPaymentInTx>[1];

/**
 * Many payments at once (an import's), in the caller's transaction, each with its allocations: the same
 * receipt numbers (taken in one block per year, in the order given), the same ledger checks and the same
 * refresh of every target as `insertPaymentInTx`, with fewer statements. Targets are locked here.
 */
export async function insertPaymentsInTx(
  tx: Tx,
  orgId: string,
  items: { input: Omit<PaymentInput, "orgId">; targets: ApplyBody["allocations"] }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const locked = await lockDocuments(
    tx,
    items.flatMap((i) => i.targets.map((t) => t.invoiceId)),
  );
  const seriesId = await defaultSeriesId(tx, "receipt");
  const next = new Map<number, { sequence: number; prefix: string }>();
  for (const year of new Set(items.map((i) => yearOf(i.input.paidOn)))) {
    const count = items.filter((i) => yearOf(i.input.paidOn) === year).length;
    const { first, prefix } = await takeNumbers(tx, orgId, seriesId, year, count);
    next.set(year, { sequence: first, prefix });
  }
  const values = items.map(({ input }) => {
    const year = yearOf(input.paidOn);
    const taken = next.get(year) as { sequence: number; prefix: string };
    next.set(year, { ...taken, sequence: taken.sequence + 1 });
    return { ...input, orgId, number: formatNumber(taken.prefix, year, taken.sequence) };
  });
  const rows = await tx.insert(payments).values(values).returning();
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  await allocateManyInTx(
    tx,
    items.map((item, i) => {
      const payment = byNumber.get(values[i]?.number as string);
      if (!payment) throw new AppError("INTERNAL");
      return {
        source: {
          orgId,
          customerId: payment.customerId,
          currency: payment.currency,
          paymentId: payment.id,
          availableMinor: payment.amountMinor,
          appliedOn: payment.paidOn,
          createdBy: payment.recordedBy,
          apiKeyId: payment.apiKeyId,
        },
        targets: item.targets,
      };
    }),
    locked,
  );
  return rows.length;
}

/** A payment recorded by staff (A10): transfer, cash, cheque…, allocated to one or several invoices. */
export function recordOfflinePayment(
  db: Db,
  orgId: string,
  userId: string,
  input: RecordInput,
  apiKeyId: string | null = null,
): Promise<PaymentDetail> {
  return withOrg(db, orgId, async (tx) => {
    const customer = await loadCustomer(tx, input.customerId);
    const locked = await lockDocuments(
      tx,
      input.allocations.map((a) => a.invoiceId),
    );
    const payment = await insertPaymentInTx(
      tx,
      {
        orgId,
        customerId: customer.id,
        amountMinor: input.amountMinor,
        currency: input.currency ?? customer.currency,
        method: input.method,
        paidOn: input.paidOn,
        reference: input.reference,
        notes: input.notes,
        recordedBy: userId,
        apiKeyId,
      },
      input.allocations,
      locked,
    );
    return findPaymentDetail(tx, payment);
  });
}

/** Applies a payment's unapplied money to invoices. */
export function applyPayment(
  db: Db,
  orgId: string,
  userId: string,
  paymentId: string,
  input: z.output<typeof applyBody>,
  apiKeyId: string | null = null,
): Promise<PaymentDetail> {
  return withOrg(db, orgId, async (tx) => {
    const payment = await findPayment(tx, paymentId, true);
    const figures = (await paymentFigures(tx, [payment.id])).get(payment.id);
    if (!figures) throw new AppError("INTERNAL");
    const locked = await lockDocuments(
      tx,
      input.allocations.map((a) => a.invoiceId),
    );
    await allocateInTx(
      tx,
      {
        orgId,
        customerId: payment.customerId,
        currency: payment.currency,
        paymentId: payment.id,
        availableMinor: unappliedOf(payment, figures),
        appliedOn: await orgToday(tx, orgId),
        createdBy: userId,
        apiKeyId,
      },
      input.allocations,
      locked,
    );
    return findPaymentDetail(tx, payment);
  });
}

/**
 * Refunds part or all of a payment (A10). The unapplied part goes first; beyond it, the payment's most
 * recent allocations to invoices are taken back (negative rows naming the refund), so those invoices owe
 * again. `expectedRefundedMinor` must match what is already refunded: a repeated submit is refused.
 */
export function refundPayment(
  db: Db,
  orgId: string,
  userId: string,
  paymentId: string,
  input: RefundInput,
  apiKeyId: string | null = null,
): Promise<PaymentDetail> {
  return withOrg(db, orgId, async (tx) => {
    const { payment } = await insertRefundInTx(tx, orgId, userId, paymentId, input, apiKeyId, () => false);
    return findPaymentDetail(tx, payment);
  });
}

/**
 * The refund row and its reversed allocations, under the payment's lock and the checks above. `online`
 * says, from the locked payment, whether the provider will be asked (A10): the row is then "pending"
 * until it answers, and counts as refunded meanwhile, so two refunds in parallel never exceed what was paid.
 */
export async function insertRefundInTx(
  tx: Tx,
  orgId: string,
  userId: string,
  paymentId: string,
  input: RefundInput,
  apiKeyId: string | null,
  online: (payment: PaymentRow) => boolean,
): Promise<{ payment: PaymentRow; refund: typeof refunds.$inferSelect }> {
  {
    const payment = await findPayment(tx, paymentId, true);
    const figures = (await paymentFigures(tx, [payment.id])).get(payment.id);
    if (!figures) throw new AppError("INTERNAL");
    if (figures.refundedMinor !== input.expectedRefundedMinor) throw new AppError("STALE_STATE");
    if (input.amountMinor > refundableOf(payment, figures))
      throw new AppError("REFUND_EXCEEDS_REFUNDABLE", [
        {
          field: "body.amountMinor",
          message: `at most ${refundableOf(payment, figures)}`,
          code: "amount_over_limit",
          params: { maximumMinor: refundableOf(payment, figures), currency: payment.currency },
        },
      ]);
    const isOnline = online(payment);
    const [refund] = await tx
      .insert(refunds)
      .values({
        orgId,
        customerId: payment.customerId,
        paymentId: payment.id,
        amountMinor: input.amountMinor,
        currency: payment.currency,
        // Through the provider, the money goes back the way it came, whatever the form said.
        method: isOnline ? "gateway" : input.method,
        refundedOn: input.refundedOn,
        reference: input.reference,
        notes: input.notes,
        status: isOnline ? "pending" : "succeeded",
        createdBy: userId,
        apiKeyId,
      })
      .returning();
    if (!refund) throw new AppError("INTERNAL");
    let toReverse = input.amountMinor - Math.max(0, unappliedOf(payment, figures));
    if (toReverse > 0) {
      // Net per invoice, newest first; only invoices (a retainer's money is refunded from the retainer).
      const perInvoice = await tx
        .select({
          invoiceId: allocations.invoiceId,
          net: sql<string>`sum(${allocations.amountMinor})`,
          last: sql<string>`max(${allocations.createdAt})`,
        })
        .from(allocations)
        .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
        .where(and(eq(allocations.paymentId, payment.id), eq(invoices.kind, "invoice")))
        .groupBy(allocations.invoiceId, invoices.issueDate, invoices.sequence)
        // Newest allocation first; one payment's allocations share a time, then the latest invoice first.
        .orderBy(
          desc(sql`max(${allocations.createdAt})`),
          desc(invoices.issueDate),
          desc(invoices.sequence),
          desc(allocations.invoiceId),
        );
      const locked = await lockDocuments(
        tx,
        perInvoice.map((r) => r.invoiceId),
      );
      for (const row of perInvoice) {
        if (toReverse <= 0) break;
        const take = Math.min(Number(row.net), toReverse);
        if (take <= 0 || !locked.has(row.invoiceId)) continue;
        await tx.insert(allocations).values({
          orgId,
          customerId: payment.customerId,
          paymentId: payment.id,
          invoiceId: row.invoiceId,
          amountMinor: -take,
          refundId: refund.id,
          appliedOn: input.refundedOn,
          createdBy: userId,
          apiKeyId,
        });
        await refreshDocumentInTx(tx, row.invoiceId);
        toReverse -= take;
      }
      if (toReverse > 0)
        throw new AppError("INTERNAL", [], "refund could not be taken back from allocations");
    }
    return { payment, refund };
  }
}

/** The back-office payment list (issue 19): a keyset page of the filtered set in the query's order. */
export function listPayments(db: Db, orgId: string, query: PaymentListQuery): Promise<PaymentPage> {
  return withOrg(db, orgId, (tx) => findPaymentListPage(tx, orgId, query));
}

/** The count and per-currency sums of the whole filtered payment list (issue 19). */
export function paymentListTotals(db: Db, orgId: string, query: PaymentTotalsQuery): Promise<ListTotals> {
  return withOrg(db, orgId, (tx) => findPaymentListTotals(tx, orgId, query));
}

export function getPayment(db: Db, orgId: string, id: string): Promise<PaymentDetail> {
  return withOrg(db, orgId, async (tx) => findPaymentDetail(tx, await findPayment(tx, id)));
}

/** The payment list's filtered set and orders, one definition for its page, totals and export (decision 062). */
export { paymentListWhere, paymentOrders } from "./payment-list.queries.js";
