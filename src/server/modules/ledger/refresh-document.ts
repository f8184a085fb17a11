import { and, eq, sql } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import { allocations, invoices, refunds } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import { deriveStatus } from "./document-status.js";

type InvoiceRow = typeof invoices.$inferSelect;

/** Sums of the ledger for one document: what reached it, and what left it as applied credit or refunds. */
export async function ledgerSums(
  tx: Tx,
  invoiceId: string,
): Promise<{ paidMinor: number; usedMinor: number }> {
  const [received] = await tx
    .select({ sum: sql<string>`coalesce(sum(${allocations.amountMinor}), 0)` })
    .from(allocations)
    .where(eq(allocations.invoiceId, invoiceId));
  const [applied] = await tx
    .select({ sum: sql<string>`coalesce(sum(${allocations.amountMinor}), 0)` })
    .from(allocations)
    .where(eq(allocations.sourceInvoiceId, invoiceId));
  const [refunded] = await tx
    .select({ sum: sql<string>`coalesce(sum(${refunds.amountMinor}), 0)` })
    .from(refunds)
    .where(eq(refunds.sourceInvoiceId, invoiceId));
  return {
    paidMinor: Number(received?.sum ?? 0),
    usedMinor: Number(applied?.sum ?? 0) + Number(refunded?.sum ?? 0),
  };
}

/**
 * Recomputes a document's paid and used amounts from the ledger and derives its status, in the caller's
 * transaction (the row must be locked). Every write to allocations or refunds ends here.
 */
export async function refreshDocumentInTx(tx: Tx, invoiceId: string): Promise<InvoiceRow> {
  const [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!inv) throw new AppError("NOT_FOUND");
  const sums = await ledgerSums(tx, invoiceId);
  const status = deriveStatus({
    kind: inv.kind,
    issued: inv.issuedAt !== null,
    voided: inv.voidedAt !== null,
    sent: inv.sentAt !== null,
    viewed: inv.viewedAt !== null,
    totalMinor: inv.totalMinor,
    ...sums,
  });
  const settled = status === "paid" || status === "closed";
  const now = clock.now();
  const [row] = await tx
    .update(invoices)
    .set({
      ...sums,
      status,
      paidAt: settled ? (inv.paidAt ?? now) : null,
      updatedAt: now,
    })
    .where(and(eq(invoices.id, invoiceId)))
    .returning();
  if (!row) throw new AppError("INTERNAL");
  return row;
}
