import * as clock from "./clock.js";
import type { Db } from "./db/client.js";
import { withOrg } from "./db/scope.js";
import { applyCredit } from "./modules/invoices/credits.service.js";
import { createDraft, issueInvoice } from "./modules/invoices/invoices.service.js";
import { loadOrganisation } from "./modules/organisation/organisation.service.js";
import { recordOfflinePayment } from "./modules/payments/payments.service.js";

/**
 * The demo customer's money (A8–A10, E1): a transfer that paid part of the first invoice, a credit note
 * applied to the second, and a paid retainer whose balance is still available. Everything goes through
 * the services staff use, so the figures are the ledger's own.
 */
export async function seedDemoMoney(
  db: Db,
  ids: { orgId: string; userId: string; customerId: string; invoiceIds: string[] },
): Promise<void> {
  const { orgId, userId, customerId } = ids;
  const [first, second] = ids.invoiceIds;
  if (!first || !second) return;
  const today = await withOrg(db, orgId, async (tx) =>
    clock.today((await loadOrganisation(tx, orgId)).timeZone),
  );
  await recordOfflinePayment(db, orgId, userId, {
    customerId,
    amountMinor: 50000,
    method: "transfer",
    paidOn: today,
    reference: "Transferencia ACME 0415",
    notes: null,
    allocations: [{ invoiceId: first, amountMinor: 50000 }],
  });
  const credit = await createDraft(db, orgId, {
    customerId,
    kind: "credit_note",
    correctsInvoiceId: second,
    rectification: {
      type: "R1",
      method: "difference",
      reason: "Descuento acordado por el retraso en la entrega.",
      invoiceIds: [second],
    },
    allowPartialPayments: false,
    notes: "Descuento acordado por el retraso en la entrega.",
    terms: null,
    lines: [
      { description: "Descuento por retraso", quantityMilli: 1000, unitPriceMinor: 5000, discountBp: 0 },
    ],
  });
  const issuedCredit = await issueInvoice(db, orgId, credit.id);
  await applyCredit(db, orgId, userId, issuedCredit.id, {
    allocations: [{ invoiceId: second, amountMinor: issuedCredit.totalMinor }],
  });
  const retainer = await createDraft(db, orgId, {
    customerId,
    kind: "retainer",
    allowPartialPayments: true,
    notes: "Anticipo de la campaña de 2027.",
    terms: null,
    lines: [
      { description: "Anticipo campaña 2027", quantityMilli: 1000, unitPriceMinor: 80000, discountBp: 0 },
    ],
  });
  const issuedRetainer = await issueInvoice(db, orgId, retainer.id);
  await recordOfflinePayment(db, orgId, userId, {
    customerId,
    amountMinor: issuedRetainer.totalMinor,
    method: "transfer",
    paidOn: today,
    reference: "Transferencia ACME 0422",
    notes: null,
    allocations: [{ invoiceId: issuedRetainer.id, amountMinor: issuedRetainer.totalMinor }],
  });
}
