import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type {
  IssueDateBody,
  invoiceSalesOrderBody,
  ListTotals,
  SalesOrderDetail,
  SalesOrderListQuery,
  SalesOrderPage,
  SalesOrderTotalsQuery,
  salesOrderDraftBody,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { salesOrderLines, salesOrders } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError, invalid } from "../../errors/errors.js";
import { customerSnapshotOf, loadCustomer } from "../customers/customers.service.js";
import { refreshSalesOrderInTx } from "../documents/fulfilment.js";
import { type PricedLineInput, priceLines, resolveLineTaxes } from "../documents/line-pricing.js";
import { chooseIssueDateInTx, defaultSeriesId, numberInSeries } from "../documents/numbering.js";
import { saveDraftRows } from "../documents/save-draft.js";
import { voidDocumentInTx } from "../documents/void-document.js";
import { createDraftFromPricedLinesInTx } from "../invoices/invoices.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { findSalesOrderListPage, findSalesOrderListTotals } from "./sales-order-list.queries.js";
import { findDetail, findLines, findOrder, lockOrder, type SalesOrderRow } from "./sales-orders.queries.js";

type DraftInput = z.output<typeof salesOrderDraftBody>;
type InvoiceInput = z.output<typeof invoiceSalesOrderBody>;

/** The back-office sales order list (issue 19): a keyset page of the filtered set in the query's order. */
export function listSalesOrders(db: Db, orgId: string, query: SalesOrderListQuery): Promise<SalesOrderPage> {
  return withOrg(db, orgId, (tx) => findSalesOrderListPage(tx, orgId, query));
}

/** The count and per-currency totals of the whole filtered sales order list (issue 19). */
export function salesOrderListTotals(
  db: Db,
  orgId: string,
  query: SalesOrderTotalsQuery,
): Promise<ListTotals> {
  return withOrg(db, orgId, (tx) => findSalesOrderListTotals(tx, orgId, query));
}

export function getSalesOrder(db: Db, orgId: string, id: string): Promise<SalesOrderDetail> {
  return withOrg(db, orgId, async (tx) => findDetail(tx, await findOrder(tx, id)));
}

interface DraftFields {
  customerId: string;
  issueDate?: string;
  deliveryDate?: string | null;
  currency?: string;
  reference: string | null;
  notes: string | null;
  terms: string | null;
  quoteId?: string;
}

/** Prices the lines (tax snapshot per line, money rules) and writes the draft's row and lines. */
async function writeDraft(
  tx: Tx,
  orgId: string,
  input: DraftFields,
  // Resolved after the customer is loaded, so another tenant's customer answers 404 before any tax check.
  resolveLines: () => Promise<PricedLineInput[]>,
  existing: SalesOrderRow | null,
): Promise<string> {
  const org = await loadOrganisation(tx, orgId);
  const customer = await loadCustomer(tx, input.customerId);
  const { lines, totals } = priceLines(await resolveLines());
  const issueDate = input.issueDate ?? existing?.issueDate ?? clock.today(org.timeZone);
  const values = {
    customerId: customer.id,
    issueDate,
    deliveryDate: input.deliveryDate ?? null,
    currency: input.currency ?? customer.currency,
    reference: input.reference,
    notes: input.notes,
    terms: input.terms,
    ...totals,
    updatedAt: clock.now(),
  };
  try {
    return await saveDraftRows(tx, SALES_ORDER_TABLES, {
      orgId,
      customerId: customer.id,
      existingId: existing?.id ?? null,
      header: values,
      created: async () => ({
        seriesId: await defaultSeriesId(tx, "sales_order"),
        quoteId: input.quoteId ?? null,
      }),
      lines,
    });
  } catch (err) {
    if (isUniqueViolation(err, "sales_orders_quote_key")) throw new AppError("QUOTE_ALREADY_ORDERED");
    throw err;
  }
}

const SALES_ORDER_TABLES = {
  table: salesOrders,
  lines: salesOrderLines,
  lineDocumentId: salesOrderLines.salesOrderId,
  lineDocumentKey: "salesOrderId",
};

export function createSalesOrderDraft(db: Db, orgId: string, input: DraftInput): Promise<SalesOrderDetail> {
  return withOrg(db, orgId, async (tx) => {
    const id = await writeDraft(tx, orgId, input, () => resolveLineTaxes(tx, input.lines), null);
    return findDetail(tx, await findOrder(tx, id));
  });
}

export function updateSalesOrderDraft(
  db: Db,
  orgId: string,
  id: string,
  input: DraftInput,
): Promise<SalesOrderDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await lockOrder(tx, id);
    if (current.status === "void") throw new AppError("SALES_ORDER_VOID");
    if (current.status !== "draft") throw new AppError("SALES_ORDER_NOT_DRAFT");
    await writeDraft(
      tx,
      orgId,
      { ...input, quoteId: current.quoteId ?? undefined },
      () => resolveLineTaxes(tx, input.lines),
      current,
    );
    return findDetail(tx, await findOrder(tx, id));
  });
}

/**
 * A draft sales order from an accepted quote's lines (their tax snapshot kept), in the quote's
 * conversion transaction. One order per quote (sales_orders_quote_key).
 */
export function createSalesOrderFromPricedLinesInTx(
  tx: Tx,
  orgId: string,
  input: {
    customerId: string;
    currency: string;
    notes: string | null;
    terms: string | null;
    quoteId: string;
    lines: PricedLineInput[];
  },
): Promise<string> {
  const bad = input.lines.findIndex((l) => l.quantityMilli <= 0);
  if (bad >= 0)
    throw invalid(`lines.${bad}.quantityMilli`, "a sales order line needs a positive quantity", "too_small", {
      minimum: 0,
      inclusive: false,
      origin: "number",
    });
  const { lines, ...rest } = input;
  return writeDraft(tx, orgId, { ...rest, reference: null }, async () => lines, null);
}

/**
 * Confirms a draft: the next number of the organisation's sales order series for the year of its
 * issue date (gap-free, `takeNextNumber`), the customer frozen. It keeps the draft's date or the one asked
 * for (`useToday`); a date after today, or before the last confirmed order of the series and year, is
 * refused, never silently replaced.
 */
export function confirmSalesOrder(
  db: Db,
  orgId: string,
  id: string,
  dates?: IssueDateBody,
): Promise<SalesOrderDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await lockOrder(tx, id);
    if (current.status === "void") throw new AppError("SALES_ORDER_VOID");
    if (current.status !== "draft") throw new AppError("SALES_ORDER_NOT_DRAFT");
    if ((await findLines(tx, id)).length === 0) throw new AppError("SALES_ORDER_EMPTY");
    const { customer, today, issueDate } = await chooseIssueDateInTx(tx, orgId, current, dates);
    const { sequence, number, year } = await numberInSeries(tx, orgId, salesOrders, current, {
      issueDate,
      today,
    });
    const snapshot = customerSnapshotOf(customer);
    const now = clock.now();
    const [row] = await tx
      .update(salesOrders)
      .set({
        status: "confirmed",
        number,
        year,
        sequence,
        issueDate,
        customerSnapshot: snapshot,
        confirmedAt: now,
        updatedAt: now,
      })
      .where(and(eq(salesOrders.id, id), eq(salesOrders.status, "draft")))
      .returning();
    if (!row) throw new AppError("CONFLICT");
    return findDetail(tx, row);
  });
}

/**
 * Voids a draft, or a confirmed order that no live invoice bills (an order whose invoices were all
 * voided is confirmed again). A confirmed order keeps its number; its emailed links stop working.
 */
export function voidSalesOrder(db: Db, orgId: string, id: string): Promise<SalesOrderDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await lockOrder(tx, id);
    if (current.status === "void") throw new AppError("SALES_ORDER_VOID");
    if (current.status !== "draft" && current.status !== "confirmed")
      throw new AppError("SALES_ORDER_NOT_VOIDABLE");
    return findDetail(tx, await voidDocumentInTx(tx, salesOrders, id));
  });
}

/**
 * Bills (part of) a confirmed order with a new draft invoice made by the invoices service: the chosen
 * quantities of the chosen lines, or everything that remains. Each invoice line names its order line;
 * the order's invoiced quantities and status follow in the same transaction.
 */
export function invoiceSalesOrder(
  db: Db,
  orgId: string,
  id: string,
  body: InvoiceInput,
): Promise<{ invoiceId: string; salesOrder: SalesOrderDetail }> {
  return withOrg(db, orgId, async (tx) => {
    const order = await lockOrder(tx, id);
    if (order.status === "draft") throw new AppError("SALES_ORDER_NOT_CONFIRMED");
    if (order.status === "void") throw new AppError("SALES_ORDER_VOID");
    const lines = await findLines(tx, id);
    const remaining = (l: (typeof lines)[number]) => l.quantityMilli - l.invoicedQuantityMilli;
    let wanted: { line: (typeof lines)[number]; quantityMilli: number }[];
    if (body.lines) {
      const seen = new Set<string>();
      wanted = body.lines.map((w, i) => {
        const line = lines.find((l) => l.id === w.salesOrderLineId);
        if (!line || seen.has(line.id))
          throw invalid(
            `body.lines.${i}.salesOrderLineId`,
            line ? "this line is listed twice" : "not a line of this sales order",
            line ? "listed_twice" : "unknown_line",
          );
        seen.add(line.id);
        if (w.quantityMilli > remaining(line))
          throw new AppError("SALES_ORDER_OVER_INVOICED", [
            {
              field: `body.lines.${i}.quantityMilli`,
              message: `at most ${Math.max(0, remaining(line))} remains`,
              code: "quantity_over_remaining",
              params: { maximumMilli: Math.max(0, remaining(line)) },
            },
          ]);
        return { line, quantityMilli: w.quantityMilli };
      });
    } else {
      wanted = lines
        .filter((l) => remaining(l) > 0)
        .map((line) => ({ line, quantityMilli: remaining(line) }));
      if (wanted.length === 0) throw new AppError("SALES_ORDER_NOTHING_TO_INVOICE");
    }
    const invoiceId = await createDraftFromPricedLinesInTx(tx, orgId, {
      customerId: order.customerId,
      currency: order.currency,
      notes: order.notes,
      terms: order.terms,
      salesOrderId: order.id,
      lines: wanted.map(({ line, quantityMilli }) => ({
        description: line.description,
        quantityMilli,
        unitPriceMinor: line.unitPriceMinor,
        discountBp: line.discountBp,
        taxes: line.taxes.map((t) => ({ taxId: t.taxId, name: t.name, rateBp: t.rateBp })),
        salesOrderLineId: line.id,
      })),
    });
    await refreshSalesOrderInTx(tx, order.id);
    return { invoiceId, salesOrder: await findDetail(tx, await findOrder(tx, order.id)) };
  });
}

/** The sales order list's filtered set and orders, one definition for its page, totals and export (decision 062). */
export { salesOrderListWhere, salesOrderOrders } from "./sales-order-list.queries.js";
