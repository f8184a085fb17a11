import { eq, sql } from "drizzle-orm";
import type { SalesOrderStatus } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import { salesOrderLines, salesOrders } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";

/**
 * The status an open (confirmed or later) order has for its lines' invoiced quantities: nothing
 * invoiced → confirmed, everything → invoiced, anything between → partially_invoiced.
 */
export function fulfilmentStatus(
  lines: { quantityMilli: number; invoicedQuantityMilli: number }[],
): "confirmed" | "partially_invoiced" | "invoiced" {
  if (lines.length === 0 || lines.every((l) => l.invoicedQuantityMilli === 0)) return "confirmed";
  return lines.every((l) => l.invoicedQuantityMilli >= l.quantityMilli) ? "invoiced" : "partially_invoiced";
}

const OPEN: SalesOrderStatus[] = ["confirmed", "partially_invoiced", "invoiced"];

/**
 * Recomputes, in the caller's transaction, how much of each line of the order the order's invoices bill
 * (every invoice but void ones: a voided invoice gives its quantities back) and the status that follows.
 * Called by every change to those invoices: invoicing from the order, editing such a draft invoice,
 * voiding one. The order row is locked, so concurrent changes queue; a line billed beyond its quantity
 * refuses the whole change (SALES_ORDER_OVER_INVOICED).
 */
export async function refreshSalesOrderInTx(tx: Tx, salesOrderId: string): Promise<void> {
  const [order] = await tx.select().from(salesOrders).where(eq(salesOrders.id, salesOrderId)).for("update");
  if (!order) throw new AppError("NOT_FOUND");
  const lines = await tx
    .update(salesOrderLines)
    .set({
      invoicedQuantityMilli: sql`coalesce((select sum(il.quantity_milli)::int from invoice_lines il
        join invoices i on i.id = il.invoice_id
        where il.sales_order_line_id = ${salesOrderLines.id} and i.status <> 'void'), 0)`,
    })
    .where(eq(salesOrderLines.salesOrderId, salesOrderId))
    .returning();
  const over = lines.findIndex((l) => l.invoicedQuantityMilli > l.quantityMilli);
  if (over >= 0) throw new AppError("SALES_ORDER_OVER_INVOICED");
  if (!OPEN.includes(order.status)) return;
  const status = fulfilmentStatus(lines);
  if (status !== order.status)
    await tx
      .update(salesOrders)
      .set({ status, updatedAt: clock.now() })
      .where(eq(salesOrders.id, salesOrderId));
}
