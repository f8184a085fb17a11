import type { StatementAging, StatementReconciliation } from "../../../shared/contracts/index.js";

/**
 * Decision 017: the closing balance is what is due on invoices less the credit held, so the credit is
 * what separates the two figures a statement prints. Derived from the printed figures themselves, the line
 * "invoices due − credit available = balance" always adds up on the page; over all history it equals the
 * home's available credit (property-tested in portal-home.property.test.ts).
 */
export const reconcile = (aging: StatementAging, closingBalanceMinor: number): StatementReconciliation => ({
  invoicesDueMinor: aging.totalMinor,
  creditAvailableMinor: aging.totalMinor - closingBalanceMinor,
  balanceMinor: closingBalanceMinor,
});
