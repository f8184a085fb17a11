import type { Tx } from "../../db/client.js";
import { insertImportedCustomersInTx } from "../customers/import-customers.js";
import { importSeriesId, insertImportedInvoicesInTx } from "../invoices/import-invoices.js";
import { insertPaymentsInTx } from "../payments/payments.service.js";
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
  const written = await insertImportedInvoicesInTx(tx, orgId, seriesId, units);
  const payments = await insertPaymentsInTx(
    tx,
    orgId,
    units.flatMap((unit, i) => {
      const invoice = written[i];
      if (!unit.payment || !invoice) return [];
      const { amountMinor, paidOn, method, reference } = unit.payment;
      return [
        {
          input: {
            customerId: unit.customerId,
            amountMinor,
            currency: unit.currency,
            method,
            paidOn,
            reference,
            recordedBy: userId,
          },
          targets: [{ invoiceId: invoice.id, amountMinor }],
        },
      ];
    }),
  );
  return { created: written.length, contacts: 0, payments };
}
