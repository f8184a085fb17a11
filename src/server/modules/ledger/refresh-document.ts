import { and, eq, inArray, sql } from "drizzle-orm";
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
  return writeRefreshed(tx, inv, await ledgerSums(tx, invoiceId));
}

/**
 * `refreshDocumentInTx` for many documents (an import's): the same sums, read in one grouped query each,
 * and the same derived status, written per document.
 */
export async function refreshDocumentsInTx(tx: Tx, invoiceIds: string[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  const rows = await tx.select().from(invoices).where(inArray(invoices.id, invoiceIds));
  const sumBy = async (
    column:
      | typeof allocations.invoiceId
      | typeof allocations.sourceInvoiceId
      | typeof refunds.sourceInvoiceId,
    amount: typeof allocations.amountMinor | typeof refunds.amountMinor,
  ) => {
    const table = column === refunds.sourceInvoiceId ? refunds : allocations;
    const found = await tx
      .select({ id: column, sum: sql<string>`coalesce(sum(${amount}), 0)` })
      .from(table)
      .where(inArray(column, invoiceIds))
      .groupBy(column);
    return new Map(found.map((r) => [r.id as string, Number(r.sum)]));
  };
  const received = await sumBy(allocations.invoiceId, allocations.amountMinor);
  const applied = await sumBy(allocations.sourceInvoiceId, allocations.amountMinor);
  const refunded = await sumBy(refunds.sourceInvoiceId, refunds.amountMinor);
  const now = clock.now();
  const values = rows.map((inv) => {
    const sums = {
      paidMinor: received.get(inv.id) ?? 0,
      usedMinor: (applied.get(inv.id) ?? 0) + (refunded.get(inv.id) ?? 0),
    };
    const { status, paidAt } = refreshed(inv, sums, now);
    return sql`(${inv.id}::uuid, ${sums.paidMinor}::bigint, ${sums.usedMinor}::bigint, ${status}::text,
      ${paidAt?.toISOString() ?? null}::timestamptz)`;
  });
  // One statement for all: on PGlite each statement costs, and an import refreshes thousands.
  await tx.execute(sql`update invoices set paid_minor = v.paid, used_minor = v.used, status = v.status,
    paid_at = v.paid_at, updated_at = ${now.toISOString()}::timestamptz
    from (values ${sql.join(values, sql`, `)}) as v(id, paid, used, status, paid_at) where invoices.id = v.id`);
}

/** The status a document's sums give it, and when it was settled (kept from the first time). */
function refreshed(inv: InvoiceRow, sums: { paidMinor: number; usedMinor: number }, now: Date) {
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
  return { status, paidAt: settled ? (inv.paidAt ?? now) : null };
}

async function writeRefreshed(
  tx: Tx,
  inv: InvoiceRow,
  sums: { paidMinor: number; usedMinor: number },
): Promise<InvoiceRow> {
  const now = clock.now();
  const [row] = await tx
    .update(invoices)
    .set({ ...sums, ...refreshed(inv, sums, now), updatedAt: now })
    .where(and(eq(invoices.id, inv.id)))
    .returning();
  if (!row) throw new AppError("INTERNAL");
  return row;
}
