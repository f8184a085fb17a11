import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { applyBody, InvoiceDetail, refundBody } from "../../../shared/contracts/index.js";
import type { Db, Tx } from "../../db/client.js";
import { refunds } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { allocateInTx, lockDocuments } from "../ledger/allocate.js";
import { availableCreditOf } from "../ledger/document-amounts.js";
import { refreshDocumentInTx } from "../ledger/refresh-document.js";
import { findDetail } from "./invoices.queries.js";
import { orgToday } from "./invoices.service.js";

async function lockSource(tx: Tx, id: string, targets: string[]) {
  const locked = await lockDocuments(tx, [id, ...targets]);
  const source = locked.get(id);
  if (!source) throw new AppError("NOT_FOUND");
  if (source.kind === "invoice" || !source.issuedAt || source.voidedAt)
    throw new AppError("NOT_A_CREDIT_SOURCE");
  return { source, locked };
}

/** Applies a credit note's credit or a retainer's balance to invoices of the same customer (A8, A9). */
export function applyCredit(
  db: Db,
  orgId: string,
  userId: string,
  sourceId: string,
  input: z.output<typeof applyBody>,
  apiKeyId: string | null = null,
): Promise<InvoiceDetail> {
  return withOrg(db, orgId, async (tx) => {
    const targetIds = input.allocations.map((a) => a.invoiceId);
    const { source, locked } = await lockSource(tx, sourceId, targetIds);
    if (targetIds.includes(sourceId)) throw new AppError("ALLOCATION_TARGET_INVALID");
    const today = await orgToday(tx, orgId);
    await allocateInTx(
      tx,
      {
        orgId,
        customerId: source.customerId,
        currency: source.currency,
        sourceInvoiceId: source.id,
        availableMinor: availableCreditOf(source),
        appliedOn: today,
        createdBy: userId,
        apiKeyId,
      },
      input.allocations,
      locked,
    );
    return findDetail(tx, await refreshDocumentInTx(tx, source.id), today);
  });
}

/** Refunds a credit note's remaining credit or a retainer's balance, with the expected-state check. */
export function refundCredit(
  db: Db,
  orgId: string,
  userId: string,
  sourceId: string,
  input: z.output<typeof refundBody>,
  apiKeyId: string | null = null,
): Promise<InvoiceDetail> {
  return withOrg(db, orgId, async (tx) => {
    const { source } = await lockSource(tx, sourceId, []);
    const already = await refundedOf(tx, source.id);
    if (already !== input.expectedRefundedMinor) throw new AppError("STALE_STATE");
    const available = availableCreditOf(source);
    if (input.amountMinor > available)
      throw new AppError("REFUND_EXCEEDS_REFUNDABLE", [
        {
          field: "body.amountMinor",
          message: `at most ${available}`,
          code: "amount_over_limit",
          params: { maximumMinor: available, currency: source.currency },
        },
      ]);
    await tx.insert(refunds).values({
      orgId,
      customerId: source.customerId,
      sourceInvoiceId: source.id,
      amountMinor: input.amountMinor,
      currency: source.currency,
      method: input.method,
      refundedOn: input.refundedOn,
      reference: input.reference,
      notes: input.notes,
      createdBy: userId,
      apiKeyId,
    });
    return findDetail(tx, await refreshDocumentInTx(tx, source.id), await orgToday(tx, orgId));
  });
}

async function refundedOf(tx: Tx, sourceInvoiceId: string): Promise<number> {
  const [row] = await tx
    .select({ sum: sql<string>`coalesce(sum(${refunds.amountMinor}), 0)` })
    .from(refunds)
    .where(eq(refunds.sourceInvoiceId, sourceInvoiceId));
  return Number(row?.sum ?? 0);
}
