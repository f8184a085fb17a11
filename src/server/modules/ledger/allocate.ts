import { asc, inArray } from "drizzle-orm";
import type { AllocationInput } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { allocations, invoices } from "../../db/schema/index.js";
import { AppError, type FieldError } from "../../errors/errors.js";
import { dueOf, isOpenStatus } from "../documents/document-facts.js";
import { refreshDocumentInTx } from "./refresh-document.js";

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
  if (targets.length === 0) return;
  await tx.insert(allocations).values(
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
    })),
  );
  for (const t of targets) await refreshDocumentInTx(tx, t.invoiceId);
  if (source.sourceInvoiceId) await refreshDocumentInTx(tx, source.sourceInvoiceId);
}
