import { and, eq, isNull } from "drizzle-orm";
import type {
  PortalSalesOrderDetail,
  PortalSalesOrderSummary,
  SalesOrderStatus,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { salesOrders } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { type AuditOrigin, recordPortalEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomer } from "../customers/customers.service.js";
import { salesOrderViewedTransition } from "../documents/document-facts.js";
import { type PdfLanguageChoice, pdfLanguage } from "../documents/pdf-language.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { assertPortalAllows, portalOptionsOf } from "../organisation/portal-policy.js";
import { buildSalesOrderPdf, salesOrderPdfFilename } from "./sales-order-pdf.js";
import { findDetail, findOrder, findSummaries, type SalesOrderRow } from "./sales-orders.queries.js";

/** E5 exists only while the organisation shows sales orders (C4 showSalesOrders). */
async function assertShown(tx: Tx, orgId: string): Promise<void> {
  assertPortalAllows(portalOptionsOf(await loadOrganisation(tx, orgId)), "showSalesOrders");
}

/** A sales order the contact may open: its customer's (RLS), and never a draft. */
async function findVisible(tx: Tx, id: string): Promise<SalesOrderRow> {
  const o = await findOrder(tx, id);
  if (o.status === "draft") throw new AppError("NOT_FOUND");
  return o;
}

async function portalDetail(tx: Tx, o: SalesOrderRow): Promise<PortalSalesOrderDetail> {
  const {
    customerId: _c,
    customerName: _n,
    quoteId: _q,
    ...rest
  } = await findDetail(tx, o, {
    withDrafts: false,
  });
  return rest;
}

export function listPortalSalesOrders(
  db: Db,
  p: ContactPrincipal,
  filter: { status?: Exclude<SalesOrderStatus, "draft">; q?: string },
): Promise<PortalSalesOrderSummary[]> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertShown(tx, p.orgId);
    const rows = await findSummaries(tx, { ...filter, searchText: "content", hideDrafts: true });
    return rows.map(({ customerId: _c, customerName: _n, ...rest }) => rest);
  });
}

const event = (p: ContactPrincipal, action: "document_viewed" | "document_downloaded", id: string) => ({
  orgId: p.orgId,
  customerId: p.customerId,
  contactId: p.contactId,
  action,
  documentType: "sales_order" as const,
  documentId: id,
});

/**
 * A contact opening a sales order: every open is in the audit trail (G3); the first marks it viewed and
 * tells staff (`sales_order_viewed`, emailed per C5). A staff preview (C6) records nothing.
 */
export async function getPortalSalesOrder(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  id: string,
  origin: AuditOrigin,
): Promise<PortalSalesOrderDetail> {
  let notified = false;
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertShown(tx, p.orgId);
    let o = await findVisible(tx, id);
    if (!p.preview) {
      await recordPortalEvent(tx, event(p, "document_viewed", o.id), origin);
      if (salesOrderViewedTransition(o)) {
        const [updated] = await tx
          .update(salesOrders)
          .set({ viewedAt: clock.now() })
          .where(and(eq(salesOrders.id, o.id), isNull(salesOrders.viewedAt)))
          .returning();
        if (updated) {
          o = updated;
          const customer = await loadCustomer(tx, p.customerId);
          notified = true;
          await notify(tx, mail, p.orgId, "sales_order_viewed", {
            salesOrderId: o.id,
            number: o.number,
            customerName: customer.name,
          });
        }
      }
    }
    return portalDetail(tx, o);
  });
  // Staff emails queued by notify (C5) go out after the commit; an ordinary read queued none.
  if (notified) void mail.mailer.deliverQueued();
  return result;
}

export function portalSalesOrderPdf(
  db: Db,
  p: ContactPrincipal,
  id: string,
  lang: PdfLanguageChoice,
  origin: AuditOrigin,
) {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertShown(tx, p.orgId);
    const o = await findVisible(tx, id);
    const detail = await findDetail(tx, o, { withDrafts: false });
    if (!p.preview) await recordPortalEvent(tx, event(p, "document_downloaded", o.id), origin);
    return {
      pdf: await buildSalesOrderPdf(tx, p.orgId, detail, await pdfLanguage(tx, p, lang)),
      filename: salesOrderPdfFilename(detail),
    };
  });
}
