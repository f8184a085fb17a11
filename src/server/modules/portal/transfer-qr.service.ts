import { eq } from "drizzle-orm";
import type { InvoiceStatus } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { organisations } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import {
  type EpcTransfer,
  epcPayload,
  epcTransferOf,
  qrMatrix,
  qrSvg,
} from "../../gateways/transfer/epc-qr.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { dueOf, isOpenStatus } from "../documents/document-facts.js";
import { findInvoice } from "../invoices/invoices.service.js";
import { bankTransferOf, portalOptionsOf } from "../organisation/portal-policy.js";

type OrgRow = typeof organisations.$inferSelect;

/**
 * The EPC QR code the portal shows beside the transfer details (issue 13): only where those details are
 * shown (the organisation's option and IBAN, something still due) and the invoice is open and in euros.
 * The invoice detail's `bankTransfer.qrCode` and the SVG route ask this one function.
 */
export function portalEpcTransfer(
  org: OrgRow,
  invoice: { status: InvoiceStatus; number: string | null; currency: string; dueMinor: number },
): EpcTransfer | null {
  const bank = bankTransferOf(org, portalOptionsOf(org), invoice);
  if (!bank) return null;
  return epcTransferOf({
    ...bank,
    currency: invoice.currency,
    dueMinor: invoice.dueMinor,
    isOpen: isOpenStatus(invoice.status),
    reference: invoice.number,
  });
}

/** The SVG of the contact's own invoice's EPC QR code; any other invoice, or none to show, is a 404. */
export function portalTransferQrSvg(db: Db, p: ContactPrincipal, invoiceId: string): Promise<string> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const inv = await findInvoice(tx, invoiceId);
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, p.orgId));
    if (!org || inv.status === "draft") throw new AppError("NOT_FOUND");
    const transfer = portalEpcTransfer(org, { ...inv, dueMinor: dueOf(inv) });
    if (!transfer) throw new AppError("NOT_FOUND");
    return qrSvg(qrMatrix(epcPayload(transfer)), `EPC QR · ${transfer.reference}`);
  });
}
