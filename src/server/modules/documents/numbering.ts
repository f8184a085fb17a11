import { and, eq, isNotNull, max, ne, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { IssueDateBody } from "../../../shared/contracts/index.js";
import { yearOf } from "../../../shared/dates.js";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import { numberCounters, numberSeries } from "../../db/schema/index.js";
import { AppError, invalid } from "../../errors/errors.js";
import { loadCustomer } from "../customers/customers.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";

/**
 * Takes the next number of a series for a year. The counter row is locked by the upsert until the
 * issuing transaction ends, so concurrent issues queue on it and a rollback returns the number:
 * numbers are gap-free and correlative per series and year (Spanish invoicing rules). Any numbered
 * document type uses it through its own series (invoices, quotes, sales orders, receipts).
 */
export async function takeNextNumber(
  tx: Tx,
  orgId: string,
  seriesId: string,
  year: number,
): Promise<{ sequence: number; number: string }> {
  const { first, prefix } = await takeNumbers(tx, orgId, seriesId, year, 1);
  return { sequence: first, number: formatNumber(prefix, year, first) };
}

/**
 * Takes `count` consecutive numbers of a series for a year at once (first … first + count − 1), under the
 * same counter-row lock as `takeNextNumber`: what an import of many documents takes in one statement.
 */
export async function takeNumbers(
  tx: Tx,
  orgId: string,
  seriesId: string,
  year: number,
  count: number,
): Promise<{ first: number; prefix: string }> {
  const [series] = await tx.select().from(numberSeries).where(eq(numberSeries.id, seriesId));
  if (!series) throw new AppError("NOT_FOUND");
  const [row] = await tx
    .insert(numberCounters)
    .values({ orgId, seriesId, year, lastNumber: count })
    .onConflictDoUpdate({
      target: [numberCounters.orgId, numberCounters.seriesId, numberCounters.year],
      set: { lastNumber: sql`${numberCounters.lastNumber} + ${count}` },
    })
    .returning({ lastNumber: numberCounters.lastNumber });
  if (!row) throw new AppError("INTERNAL");
  return { first: row.lastNumber - count + 1, prefix: series.prefix };
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

/**
 * The date a document is issued with: the draft's own, or the one the request asks for (`useToday`, or
 * an `issueDate`). Never silently another one.
 */
export function chooseIssueDate(draftDate: string, today: string, body: IssueDateBody | undefined): string {
  if (body?.useToday && body.issueDate !== undefined && body.issueDate !== today)
    throw invalid("body.issueDate", "send either useToday or an issueDate, not both", "not_allowed");
  if (body?.useToday) return today;
  return body?.issueDate ?? draftDate;
}

/**
 * A document is not issued with a date after the organisation's today. The problem carries `issueDate`
 * and `today` so the client can offer "issue dated today" without reading the English message.
 */
export function refuseFutureIssueDate(issueDate: string, today: string): void {
  if (issueDate > today)
    throw new AppError(
      "ISSUE_DATE_IN_FUTURE",
      [
        {
          field: "body.issueDate",
          message: `the issue date ${issueDate} is after today (${today})`,
          code: "issue_date_in_future",
          params: { today },
        },
      ],
      undefined,
      { issueDate, today },
    );
}

/**
 * Correlative numbering: within a series and year numbers and dates both ascend, so a document is not
 * issued with a date before the last issued one of its series and year. Call it after `takeNextNumber`
 * (the counter row lock queues concurrent issues), so the last date read is final; throwing rolls the
 * number back.
 */
export function refuseIssueDateBeforeLast(
  issueDate: string,
  lastIssued: string | null | undefined,
  today: string,
): void {
  if (lastIssued && issueDate < lastIssued)
    throw new AppError(
      "ISSUE_DATE_BEFORE_LAST",
      [
        {
          field: "body.issueDate",
          message: `the last issued document of this series in ${yearOf(issueDate)} is dated ${lastIssued}`,
          code: "issue_date_before_last",
          params: { lastIssueDate: lastIssued },
        },
      ],
      undefined,
      { issueDate, lastIssueDate: lastIssued, today },
    );
}

/**
 * What issuing, sending or confirming a document reads first, the same for every kind: the organisation's
 * today, the customer whose details the document freezes, and the issue date (`chooseIssueDate`, never
 * one after today).
 */
export async function chooseIssueDateInTx(
  tx: Tx,
  orgId: string,
  current: { customerId: string; issueDate: string },
  body: IssueDateBody | undefined,
) {
  const org = await loadOrganisation(tx, orgId);
  const customer = await loadCustomer(tx, current.customerId);
  const today = clock.today(org.timeZone);
  const issueDate = chooseIssueDate(current.issueDate, today, body);
  refuseFutureIssueDate(issueDate, today);
  return { customer, today, issueDate };
}

/** A numbered document's table: invoices, quotes, sales orders. */
type NumberedTable = PgTable & {
  id: PgColumn;
  seriesId: PgColumn;
  year: PgColumn;
  number: PgColumn;
  issueDate: PgColumn;
};

/**
 * The number a document takes: the next of its series for the year of its issue date, refused (and so
 * given back) when that date is before the last numbered document of the series and year. `alsoWhere`
 * narrows what counts as the last one (a quote's revisions keep their first number).
 */
export async function numberInSeries(
  tx: Tx,
  orgId: string,
  table: NumberedTable,
  current: { id: string; seriesId: string },
  dates: { issueDate: string; today: string },
  alsoWhere?: SQL,
): Promise<{ number: string; year: number; sequence: number }> {
  const year = yearOf(dates.issueDate);
  const taken = await takeNextNumber(tx, orgId, current.seriesId, year);
  const [last] = await tx
    .select({ issueDate: max(table.issueDate) })
    .from(table as PgTable)
    .where(
      and(
        eq(table.seriesId, current.seriesId),
        eq(table.year, year),
        isNotNull(table.number),
        ne(table.id, current.id),
        alsoWhere,
      ),
    );
  refuseIssueDateBeforeLast(dates.issueDate, last?.issueDate as string | null | undefined, dates.today);
  return { ...taken, year };
}

/**
 * A series other than the default, created the first time it is asked for (the "IMP" series of imported
 * invoices, decision 029). Its counters are its own: the default series never sees its numbers.
 */
export async function ensureSeries(
  tx: Tx,
  orgId: string,
  documentType: NumberedDocument,
  prefix: string,
  name: string,
): Promise<string> {
  await tx.insert(numberSeries).values({ orgId, documentType, prefix, name }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: numberSeries.id })
    .from(numberSeries)
    .where(and(eq(numberSeries.documentType, documentType), eq(numberSeries.prefix, prefix)));
  if (!row) throw new AppError("INTERNAL", [], "series not created");
  return row.id;
}
