import { and, eq, isNotNull } from "drizzle-orm";
import { yearOf } from "../../../shared/dates.js";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import { invoiceLines, invoices, numberSeries } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import { customerSnapshotOf, loadCustomerRecord } from "../customers/customers.service.js";
import { type PricedLineInput, priceLines } from "../documents/line-pricing.js";
import { ensureSeries, takeNextNumber } from "../documents/numbering.js";

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
 * An invoice issued in another system, written as issued with its own number and dates in the import
 * series. Its `sequence` is the next of the series' counter for the year of its issue date (so the
 * unique (series, year, sequence) holds and the default series' counters are never touched); the number
 * people know it by is the one it had.
 */
export async function insertImportedInvoiceInTx(
  tx: Tx,
  orgId: string,
  seriesId: string,
  input: ImportedInvoice,
): Promise<typeof invoices.$inferSelect> {
  const customer = await loadCustomerRecord(tx, input.customerId);
  const year = yearOf(input.issueDate);
  const { sequence } = await takeNextNumber(tx, orgId, seriesId, year);
  const { lines, totals } = priceLines(input.lines);
  const [row] = await tx
    .insert(invoices)
    .values({
      orgId,
      customerId: customer.id,
      kind: "invoice",
      seriesId,
      number: input.number,
      year,
      sequence,
      status: "issued",
      issueDate: input.issueDate,
      dueDate: input.dueDate,
      currency: input.currency,
      notes: input.notes,
      ...totals,
      customerSnapshot: customerSnapshotOf(customer),
      issuedAt: clock.now(),
    })
    .returning();
  if (!row) throw new AppError("INTERNAL");
  await tx
    .insert(invoiceLines)
    .values(lines.map((l) => ({ ...l, orgId, customerId: customer.id, invoiceId: row.id })));
  return row;
}
