import { eq } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { salesOrders } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { AppError } from "../../errors/errors.js";
import { deliverDocument } from "../documents/deliver-document.js";
import { buildSalesOrderPdf, salesOrderPdfFilename } from "./sales-order-pdf.js";
import { findDetail, lockOrder, type SalesOrderRow } from "./sales-orders.queries.js";

/**
 * Sends a confirmed (or partly or wholly invoiced) order by the organisation's delivery mode (C3):
 * personal links open `/p/<slug>/sales-orders/<id>` (D6), and/or the PDF. Drafts and void orders are
 * refused; sending again is allowed.
 */
export async function sendSalesOrder(
  deps: { db: Db; config: Config; mailer: Mailer },
  orgId: string,
  id: string,
  contactIds: string[] | undefined,
) {
  const result = await withOrg(deps.db, orgId, async (tx) => {
    const current = await lockOrder(tx, id);
    if (current.status === "draft") throw new AppError("SALES_ORDER_NOT_CONFIRMED");
    if (current.status === "void") throw new AppError("SALES_ORDER_VOID");
    const now = clock.now();
    const [row] = await tx
      .update(salesOrders)
      .set({ sentAt: now, updatedAt: now })
      .where(eq(salesOrders.id, id))
      .returning();
    const detail = await findDetail(tx, row as SalesOrderRow);
    const sent = await deliverDocument(tx, deps, {
      orgId,
      customerId: current.customerId,
      documentType: "sales_order",
      documentId: id,
      contactIds,
      emailKind: "sales_order_sent",
      emailVars: () => ({
        number: detail.number,
        total_minor: detail.totalMinor,
        currency: detail.currency,
        reference: detail.reference,
        delivery_date: detail.deliveryDate,
      }),
      renderPdf: (lang) => buildSalesOrderPdf(tx, orgId, detail, lang),
      pdfFilename: salesOrderPdfFilename(detail),
    });
    return { ...sent, salesOrder: detail };
  });
  void deps.mailer.deliverQueued();
  return result;
}
