import type { Tx } from "../../db/client.js";
import { insertImportedCustomersInTx } from "../customers/import-customers.js";
import { importSeriesId, insertImportedInvoiceInTx } from "../invoices/import-invoices.js";
import { lockDocuments } from "../ledger/allocate.js";
import { insertPaymentInTx } from "../payments/payments.service.js";
import type { CustomerUnit } from "./plan-customers.js";
import type { InvoiceUnit } from "./plan-invoices.js";

export interface AppliedCounts {
  created: number;
  contacts: number;
  payments: number;
}

export async function applyCustomersInTx(
  tx: Tx,
  orgId: string,
  units: CustomerUnit[],
): Promise<AppliedCounts> {
  const written = await insertImportedCustomersInTx(
    tx,
    orgId,
    units.map((u) => ({ customer: u.customer, contacts: u.contacts })),
  );
  return { created: written.customers, contacts: written.contacts, payments: 0 };
}

/**
 * Each invoice in the import series with its number and dates; its payment through the payments service
 * (a receipt number of the RC series, an allocation, the invoice's paid amount and status refreshed).
 */
export async function applyInvoicesInTx(
  tx: Tx,
  orgId: string,
  userId: string,
  units: InvoiceUnit[],
): Promise<AppliedCounts> {
  const seriesId = await importSeriesId(tx, orgId);
  let payments = 0;
  for (const unit of units) {
    const invoice = await insertImportedInvoiceInTx(tx, orgId, seriesId, unit);
    if (!unit.payment) continue;
    const locked = await lockDocuments(tx, [invoice.id]);
    await insertPaymentInTx(
      tx,
      {
        orgId,
        customerId: unit.customerId,
        amountMinor: unit.payment.amountMinor,
        currency: unit.currency,
        method: unit.payment.method,
        paidOn: unit.payment.paidOn,
        reference: unit.payment.reference,
        recordedBy: userId,
      },
      [{ invoiceId: invoice.id, amountMinor: unit.payment.amountMinor }],
      locked,
    );
    payments++;
  }
  return { created: units.length, contacts: 0, payments };
}
