import { asc, inArray } from "drizzle-orm";
import type { AllocationInput } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { allocations, invoices } from "../../db/schema/index.js";
import { AppError, type FieldError } from "../../errors/errors.js";
import { dueOf, isOpenStatus } from "../documents/document-facts.js";
import { refreshDocumentInTx, refreshDocumentsInTx } from "./refresh-document.js";

export type DocumentRow = typeof invoices.$inferSelect;

/**
 * Locks documents in one order (by id), so two transactions touching overlapping invoices — two tabs
 * paying everything, a payment and a credit applied at once — queue instead of deadlocking.
 */
export async function lockDocuments(tx: Tx, ids: string[]): Promise<Map<string, DocumentRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(invoices)
    .where(inArray(invoices.id, unique))
    .orderBy(asc(invoices.id))
    .for("update");
  return new Map(rows.map((r) => [r.id, r]));
}

export { dueOf } from "../documents/document-facts.js";

export interface AllocationSource {
  orgId: string;
  customerId: string;
  currency: string;
  paymentId?: string;
  sourceInvoiceId?: string;
  /** What the source can still give. */
  availableMinor: number;
  appliedOn: string;
  createdBy: string | null;
  /** The API key the change was made with, if any (G5). */
  apiKeyId?: string | null;
}

/**
 * Checks and writes allocations from one source onto invoices, then refreshes each target. Every target
 * must be locked by the caller (`lockDocuments`): issued and open, of the same customer and currency, an
 * invoice (or, from a payment, a retainer invoice), and no amount may exceed what it still owes.
 */
export async function allocateInTx(
  tx: Tx,
  source: AllocationSource,
  targets: AllocationInput[],
  locked: Map<string, DocumentRow>,
): Promise<void> {
  checkAllocations(source, targets, locked);
  if (targets.length === 0) return;
  await tx.insert(allocations).values(allocationRows(source, targets));
  for (const t of targets) await refreshDocumentInTx(tx, t.invoiceId);
  if (source.sourceInvoiceId) await refreshDocumentInTx(tx, source.sourceInvoiceId);
}

/**
 * Many payments' allocations at once (an import's), each checked as `allocateInTx` checks one; a document
 * may be the target of one of them only (its locked row's due amount is what is checked). One insert, then
 * every target refreshed in one pass (`refreshDocumentsInTx`).
 */
export async function allocateManyInTx(
  tx: Tx,
  items: { source: AllocationSource & { paymentId: string }; targets: AllocationInput[] }[],
  locked: Map<string, DocumentRow>,
): Promise<void> {
  const targeted = items.flatMap((i) => i.targets.map((t) => t.invoiceId));
  if (new Set(targeted).size !== targeted.length)
    throw new AppError("VALIDATION_FAILED", [
      { field: "allocations", message: "a document is the target of two payments", code: "listed_twice" },
    ]);
  for (const item of items) checkAllocations(item.source, item.targets, locked);
  const rows = items.flatMap((i) => allocationRows(i.source, i.targets));
  if (rows.length === 0) return;
  await tx.insert(allocations).values(rows);
  await refreshDocumentsInTx(tx, targeted);
}

const allocationRows = (source: AllocationSource, targets: AllocationInput[]) =>
  targets.map((t) => ({
    orgId: source.orgId,
    customerId: source.customerId,
    paymentId: source.paymentId ?? null,
    sourceInvoiceId: source.sourceInvoiceId ?? null,
    invoiceId: t.invoiceId,
    amountMinor: t.amountMinor,
    appliedOn: source.appliedOn,
    createdBy: source.createdBy,
    apiKeyId: source.apiKeyId ?? null,
  }));

/** The rules of an allocation: issued open targets of the source's customer and currency, within their due and the source's money. */
function checkAllocations(
  source: AllocationSource,
  targets: AllocationInput[],
  locked: Map<string, DocumentRow>,
): void {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  let total = 0;
  targets.forEach((t, i) => {
    const field = `body.allocations.${i}`;
    const doc = locked.get(t.invoiceId);
    if (seen.has(t.invoiceId))
      fields.push({ field: `${field}.invoiceId`, message: "listed twice", code: "listed_twice" });
    seen.add(t.invoiceId);
    total += t.amountMinor;
    const targetKindOk = doc?.kind === "invoice" || (doc?.kind === "retainer" && source.paymentId);
    if (
      !doc ||
      doc.customerId !== source.customerId ||
      doc.currency !== source.currency ||
      !targetKindOk ||
      !isOpenStatus(doc.status)
    ) {
      throw new AppError("ALLOCATION_TARGET_INVALID", [
        { field: `${field}.invoiceId`, message: "not payable", code: "not_payable" },
      ]);
    }
    if (t.amountMinor > dueOf(doc))
      throw new AppError("ALLOCATION_EXCEEDS_DUE", [
        {
          field: `${field}.amountMinor`,
          message: `at most ${dueOf(doc)}`,
          code: "amount_over_limit",
          params: { maximumMinor: dueOf(doc), currency: doc.currency },
        },
      ]);
  });
  if (fields.length) throw new AppError("VALIDATION_FAILED", fields);
  if (total > source.availableMinor)
    throw new AppError("ALLOCATION_EXCEEDS_AVAILABLE", [
      {
        field: "body.allocations",
        message: `at most ${source.availableMinor} in total`,
        code: "amount_over_limit",
        params: { maximumMinor: source.availableMinor, currency: source.currency },
      },
    ]);
}
