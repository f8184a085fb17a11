import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { yearOf } from "../../../shared/dates.js";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import { customers, invoiceLines, invoices, numberSeries } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import { customerSnapshotOf } from "../customers/customers.service.js";
import { type PricedLineInput, priceLines } from "../documents/line-pricing.js";
import { ensureSeries, takeNumbers } from "../documents/numbering.js";

/** The series imported invoices keep their numbers in (decision 029). */
export const IMPORT_SERIES_PREFIX = "IMP";

export function importSeriesId(tx: Tx, orgId: string): Promise<string> {
  return ensureSeries(tx, orgId, "invoice", IMPORT_SERIES_PREFIX, "Imported");
}

/** The numbers already imported, so a re-run of the same file skips them (read only: no series made). */
export async function importedNumbers(tx: Tx): Promise<Set<string>> {
  const rows = await tx
    .select({ number: invoices.number })
    .from(invoices)
    .innerJoin(numberSeries, eq(numberSeries.id, invoices.seriesId))
    .where(
      and(
        eq(numberSeries.documentType, "invoice"),
        eq(numberSeries.prefix, IMPORT_SERIES_PREFIX),
        isNotNull(invoices.number),
      ),
    );
  return new Set(rows.map((r) => r.number as string));
}

/** An invoice of another system as an import carries it: its number, dates, customer and priced lines. */
export interface ImportedInvoice {
  customerId: string;
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  notes: string | null;
  lines: PricedLineInput[];
}

/**
 * Invoices issued in another system, written as issued with their own numbers and dates in the import
 * series, in the order given (by issue date). Each `sequence` is the series' next for the year of its
 * issue date (taken in one block per year), so the unique (series, year, sequence) holds and the default
 * series' counters are never touched; the number people know each by is the one it had. Written in bulk:
 * an import writes thousands.
 */
export async function insertImportedInvoicesInTx(
  tx: Tx,
  orgId: string,
  seriesId: string,
  items: ImportedInvoice[],
): Promise<(typeof invoices.$inferSelect)[]> {
  if (items.length === 0) return [];
  const ids = [...new Set(items.map((i) => i.customerId))];
  const found = await tx.select().from(customers).where(inArray(customers.id, ids));
  const byId = new Map(found.map((c) => [c.id, c]));
  const next = new Map<number, number>();
  for (const year of new Set(items.map((i) => yearOf(i.issueDate)))) {
    const count = items.filter((i) => yearOf(i.issueDate) === year).length;
    next.set(year, (await takeNumbers(tx, orgId, seriesId, year, count)).first);
  }
  const priced = items.map((item) => priceLines(item.lines));
  const rows = await tx
    .insert(invoices)
    .values(
      items.map((item, i) => {
        const customer = byId.get(item.customerId);
        if (!customer) throw new AppError("NOT_FOUND");
        const year = yearOf(item.issueDate);
        const sequence = next.get(year) as number;
        next.set(year, sequence + 1);
        return {
          orgId,
          customerId: customer.id,
          kind: "invoice" as const,
          seriesId,
          number: item.number,
          year,
          sequence,
          status: "issued" as const,
          issueDate: item.issueDate,
          dueDate: item.dueDate,
          currency: item.currency,
          notes: item.notes,
          ...(priced[i] as ReturnType<typeof priceLines>).totals,
          customerSnapshot: customerSnapshotOf(customer),
          issuedAt: clock.now(),
        };
      }),
    )
    .returning();
  // RETURNING follows the VALUES order; matched by number all the same, which is unique in the batch.
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const ordered = items.map((item) => byNumber.get(item.number) as typeof invoices.$inferSelect);
  await tx.insert(invoiceLines).values(
    ordered.flatMap((row, i) =>
      (priced[i] as ReturnType<typeof priceLines>).lines.map((l) => ({
        ...l,
        orgId,
        customerId: row.customerId,
        invoiceId: row.id,
      })),
    ),
  );
  return ordered;
}
