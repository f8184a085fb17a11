import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { AllocationInput, ApplyCreditBody, ApplyCreditResult } from "../../../shared/contracts/index.js";
import type { Db, Tx } from "../../db/client.js";
import { invoices, payments } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { type AuditOrigin, recordContactEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { orgToday } from "../invoices/invoices.service.js";
import { allocateInTx, dueOf, lockDocuments } from "../ledger/allocate.js";
import { availableCreditOf } from "../ledger/document-amounts.js";
import { OPEN_STATUSES } from "../ledger/document-status.js";
import { openInvoiceDues } from "../ledger/open-invoices.js";
import { paymentFigures, unappliedOf } from "../payments/payments.service.js";

/** One place credit can come from, with what it still has to give. */
interface Source {
  date: string;
  id: string;
  availableMinor: number;
  paymentId?: string;
  sourceInvoiceId?: string;
}

/**
 * Locks everything the customer's credit and open invoices consist of in one currency, in the order the
 * rest of the ledger uses (a payment before documents, as `applyPayment`; documents by id), and reads
 * what each source can give. Open invoices come from `openInvoiceDues`, the one definition of outstanding.
 */
async function lockCreditAndDues(tx: Tx, customerId: string, currency: string) {
  const paymentRows = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.customerId, customerId), eq(payments.currency, currency)))
    .orderBy(asc(payments.id))
    .for("update");
  const figures = await paymentFigures(
    tx,
    paymentRows.map((p) => p.id),
  );
  const creditDocs = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.customerId, customerId),
        eq(invoices.currency, currency),
        inArray(invoices.kind, ["credit_note", "retainer"]),
        notInArray(invoices.status, ["draft", "void"]),
      ),
    );
  const open = await openInvoiceDues(tx, customerId, { currency });
  const locked = await lockDocuments(tx, [...creditDocs.map((d) => d.id), ...open.map((o) => o.id)]);
  const sources: Source[] = [];
  for (const p of paymentRows) {
    const f = figures.get(p.id);
    const available = f ? unappliedOf(p, f) : 0;
    if (available > 0) sources.push({ date: p.paidOn, id: p.id, availableMinor: available, paymentId: p.id });
  }
  for (const { id } of creditDocs) {
    const d = locked.get(id);
    const available = d ? availableCreditOf(d) : 0;
    if (d && available > 0)
      sources.push({ date: d.issueDate, id, availableMinor: available, sourceInvoiceId: id });
  }
  // The oldest credit goes first, as the oldest invoices are paid first.
  sources.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const targets = open.flatMap((o) => {
    const d = locked.get(o.id);
    return d && d.kind === "invoice" && OPEN_STATUSES.includes(d.status) && dueOf(d) > 0
      ? [{ id: d.id, number: d.number, dueMinor: dueOf(d) }]
      : [];
  });
  return { sources, targets };
}

/** Pairs credit with invoices, oldest with oldest, never more than either has. */
function planOf(sources: Source[], targets: { id: string; dueMinor: number }[]) {
  const left = new Map(targets.map((t) => [t.id, t.dueMinor]));
  return sources.map((s) => {
    let available = s.availableMinor;
    const allocations: AllocationInput[] = [];
    for (const t of targets) {
      const due = left.get(t.id) ?? 0;
      const amount = Math.min(available, due);
      if (amount <= 0) continue;
      allocations.push({ invoiceId: t.id, amountMinor: amount });
      left.set(t.id, due - amount);
      available -= amount;
    }
    return { source: s, allocations };
  });
}

/**
 * "Apply my credit to my oldest invoices" (decision 017): the contact's own customer's credit notes,
 * unapplied payments and retainer balance in one currency go onto its open invoices, oldest due first,
 * through the ledger's allocation (limits checked under the locks). The contact states the credit and
 * outstanding its home showed; any difference (a double submit, another tab, staff meanwhile) refuses
 * the whole request with STALE_STATE, and any error leaves the ledger as it was (one transaction).
 */
export function applyCustomerCredit(
  db: Db,
  p: ContactPrincipal,
  body: ApplyCreditBody,
  origin: AuditOrigin,
): Promise<ApplyCreditResult> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const { sources, targets } = await lockCreditAndDues(tx, p.customerId, body.currency);
    const credit = sources.reduce((s, x) => s + x.availableMinor, 0);
    const outstanding = targets.reduce((s, x) => s + x.dueMinor, 0);
    if (credit !== body.expectedCreditMinor || outstanding !== body.expectedOutstandingMinor)
      throw new AppError("STALE_STATE");
    if (credit === 0 || outstanding === 0) throw new AppError("NO_CREDIT_TO_APPLY");
    const today = await orgToday(tx, p.orgId);
    const applied = new Map<string, number>();
    for (const { source, allocations } of planOf(sources, targets)) {
      if (allocations.length === 0) continue;
      // Re-read under the locks already held: an earlier source changed what these invoices owe.
      const fresh = await lockDocuments(
        tx,
        allocations.map((a) => a.invoiceId),
      );
      await allocateInTx(
        tx,
        {
          orgId: p.orgId,
          customerId: p.customerId,
          currency: body.currency,
          paymentId: source.paymentId,
          sourceInvoiceId: source.sourceInvoiceId,
          availableMinor: source.availableMinor,
          appliedOn: today,
          createdBy: null,
        },
        allocations,
        fresh,
      );
      for (const a of allocations) applied.set(a.invoiceId, (applied.get(a.invoiceId) ?? 0) + a.amountMinor);
    }
    const result: ApplyCreditResult = {
      currency: body.currency,
      appliedMinor: [...applied.values()].reduce((s, v) => s + v, 0),
      invoices: targets
        .filter((t) => applied.has(t.id))
        .map((t) => ({ invoiceId: t.id, number: t.number, amountMinor: applied.get(t.id) ?? 0 })),
    };
    await recordContactEvent(
      tx,
      p,
      {
        action: "credit_applied",
        documentType: "invoice",
        documentId: result.invoices.length === 1 ? (result.invoices[0]?.invoiceId ?? null) : null,
        details: {
          amountMinor: result.appliedMinor,
          currency: body.currency,
          invoices: result.invoices.length,
        },
      },
      origin,
    );
    return result;
  });
}
