import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { numberCounters, numberSeries } from "../../db/schema/index.js";
import { AppError } from "../../http/errors.js";

/**
 * Takes the next number of a series for a year. The counter row is locked by the upsert until the
 * issuing transaction ends, so concurrent issues queue on it and a rollback returns the number:
 * numbers are gap-free and correlative per series and year (Spanish invoicing rules). Any numbered
 * document type uses it through its own series (invoices, quotes).
 */
export async function takeNextNumber(
  tx: Tx,
  orgId: string,
  seriesId: string,
  year: number,
): Promise<{ sequence: number; number: string }> {
  const [series] = await tx.select().from(numberSeries).where(eq(numberSeries.id, seriesId));
  if (!series) throw new AppError("NOT_FOUND");
  const [row] = await tx
    .insert(numberCounters)
    .values({ orgId, seriesId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [numberCounters.seriesId, numberCounters.year],
      set: { lastNumber: sql`${numberCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: numberCounters.lastNumber });
  if (!row) throw new AppError("INTERNAL");
  return { sequence: row.lastNumber, number: formatNumber(series.prefix, year, row.lastNumber) };
}

export const formatNumber = (prefix: string, year: number, sequence: number) =>
  `${prefix}${year}-${String(sequence).padStart(4, "0")}`;

export type NumberedDocument = (typeof numberSeries.documentType.enumValues)[number];

/** The default series of a document type (invoices "F", quotes "P"), created with the organisation. */
export async function defaultSeriesId(tx: Tx, documentType: NumberedDocument): Promise<string> {
  const [row] = await tx
    .select({ id: numberSeries.id })
    .from(numberSeries)
    .where(and(eq(numberSeries.documentType, documentType), eq(numberSeries.isDefault, true)));
  if (!row) throw new AppError("INTERNAL", [], "no default number series");
  return row.id;
}
