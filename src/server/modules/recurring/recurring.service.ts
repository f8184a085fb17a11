import { desc, eq, max } from "drizzle-orm";
import type { z } from "zod";
import type {
  ListTotals,
  RecurringInvoice,
  RecurringListQuery,
  RecurringPage,
  RecurringProfileDetail,
  RecurringProfileSummary,
  RecurringTotalsQuery,
  recurringProfileBody,
} from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import {
  firstIndexOnOrAfter,
  isWithinEnd,
  occurrenceDate,
  type RecurringEndRule,
  upcomingDates,
} from "../../../shared/recurring-occurrences.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { customers, invoices, type RecurringLine, recurringProfiles } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError, notFound } from "../../errors/errors.js";
import { readPage } from "../../lists/keyset.js";
import { loadCustomer } from "../customers/customers.service.js";
import { boundedTotals, resolveLineTaxes } from "../documents/line-pricing.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { findRecurringRows, findRecurringTotals, recurringOrders } from "./recurring-list.queries.js";

type ProfileBody = z.output<typeof recurringProfileBody>;
export type ProfileRow = typeof recurringProfiles.$inferSelect;

export const endRuleOf = (
  p: Pick<ProfileRow, "endKind" | "endAfterCount" | "endOnDate">,
): RecurringEndRule =>
  p.endKind === "after_count"
    ? { endKind: "after_count", endAfterCount: p.endAfterCount ?? 0 }
    : p.endKind === "on_date"
      ? { endKind: "on_date", endOnDate: p.endOnDate ?? "" }
      : { endKind: "never" };

/**
 * Where a schedule stands from `fromDate` on: the first occurrence on or after it, or none when the end
 * rule allows no more (then the profile has ended).
 */
export function scheduleFrom(
  p: Pick<ProfileRow, "startDate" | "frequency" | "endKind" | "endAfterCount" | "endOnDate" | "invoicesMade">,
  fromDate: string,
): { nextIndex: number; nextDate: string | null } {
  const nextIndex = firstIndexOnOrAfter(p.startDate, p.frequency, fromDate);
  const date = occurrenceDate(p.startDate, p.frequency, nextIndex);
  return { nextIndex, nextDate: isWithinEnd(endRuleOf(p), date, p.invoicesMade) ? date : null };
}

/** The occurrence after the one just made, or none when the profile has ended. */
export function scheduleAfter(p: ProfileRow): { nextIndex: number; nextDate: string | null } {
  const nextIndex = p.nextIndex + 1;
  const date = occurrenceDate(p.startDate, p.frequency, nextIndex);
  return { nextIndex, nextDate: isWithinEnd(endRuleOf(p), date, p.invoicesMade + 1) ? date : null };
}

async function orgToday(tx: Tx, orgId: string) {
  return clock.today((await loadOrganisation(tx, orgId)).timeZone);
}

/** The last occurrence a profile made an invoice for: a new schedule never makes a second one on or before it. */
async function lastMadeDate(tx: Tx, profileId: string): Promise<string | null> {
  const [row] = await tx
    .select({ last: max(invoices.recurringOccurrenceDate) })
    .from(invoices)
    .where(eq(invoices.recurringProfileId, profileId));
  return row?.last ?? null;
}

/** The first day a (re)scheduled profile may make an invoice on: today, and after the last one it made. */
async function resumeFrom(tx: Tx, orgId: string, profileId: string | null): Promise<string> {
  const today = await orgToday(tx, orgId);
  const last = profileId ? await lastMadeDate(tx, profileId) : null;
  return last && addDays(last, 1) > today ? addDays(last, 1) : today;
}

async function checkedValues(tx: Tx, body: ProfileBody) {
  const customer = await loadCustomer(tx, body.customerId);
  // Refuses an unknown tax, or a missing default tax (CP2001), now rather than at the first occurrence.
  await resolveLineTaxes(tx, body.lines);
  const lines: RecurringLine[] = body.lines.map((l) => ({
    description: l.description,
    quantityMilli: l.quantityMilli,
    unitPriceMinor: l.unitPriceMinor,
    discountBp: l.discountBp,
    ...(l.taxIds ? { taxIds: l.taxIds } : {}),
  }));
  return {
    customerId: customer.id,
    name: body.name,
    currency: body.currency ?? customer.currency,
    lines,
    // One invoice's amount before taxes: what the list sorts and sums by (taxes apply when it is made).
    // Refused (AMOUNT_OUT_OF_RANGE) beyond what a document may hold, as a draft's lines are.
    netMinor: boundedTotals(lines.map((l) => ({ ...l, taxes: [] }))).totals.netMinor,
    notes: body.notes ?? null,
    terms: body.terms ?? null,
    frequency: body.frequency,
    startDate: body.startDate,
    endKind: body.endKind,
    endAfterCount: body.endKind === "after_count" ? (body.endAfterCount ?? null) : null,
    endOnDate: body.endKind === "on_date" ? (body.endOnDate ?? null) : null,
    paymentTermsDays: body.paymentTermsDays ?? customer.paymentTermsDays,
    mode: body.mode,
  };
}

async function findProfile(tx: Tx, profileId: string, lock = false): Promise<ProfileRow> {
  const q = tx.select().from(recurringProfiles).where(eq(recurringProfiles.id, profileId));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound();
  return row;
}

async function toDetail(tx: Tx, p: ProfileRow): Promise<RecurringProfileDetail> {
  const [customer] = await tx
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, p.customerId));
  return {
    ...toSummary(p, customer?.name ?? ""),
    lines: p.lines,
    notes: p.notes,
    terms: p.terms,
    startDate: p.startDate,
    endKind: p.endKind,
    endAfterCount: p.endAfterCount,
    endOnDate: p.endOnDate,
    paymentTermsDays: p.paymentTermsDays,
    upcomingDates:
      p.nextDate === null || p.status === "stopped" || p.status === "ended"
        ? []
        : upcomingDates(p.startDate, p.frequency, endRuleOf(p), p.nextIndex, p.invoicesMade, 6),
    lastRunAt: p.lastRunAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  };
}

function toSummary(p: ProfileRow, customerName: string): RecurringProfileSummary {
  return {
    id: p.id,
    name: p.name,
    customerId: p.customerId,
    customerName,
    currency: p.currency,
    frequency: p.frequency,
    mode: p.mode,
    status: p.status,
    nextDate: p.status === "stopped" || p.status === "ended" ? null : p.nextDate,
    invoicesMade: p.invoicesMade,
    netMinor: p.netMinor,
    lastError: p.lastError,
  };
}

/** One keyset page of the organisation's profiles (issue 19, decision 058), in the query's order. */
export function listProfiles(db: Db, orgId: string, query: RecurringListQuery): Promise<RecurringPage> {
  return withOrg(db, orgId, (tx) =>
    readPage(recurringOrders[query.sort], orgId, query, async (plan) =>
      (await findRecurringRows(tx, orgId, query, plan)).map((r) => ({
        ...r,
        item: toSummary(r.item.p, r.item.customerName),
      })),
    ),
  );
}

/** The count and per-currency sums of the whole filtered list. */
export function profileListTotals(db: Db, orgId: string, query: RecurringTotalsQuery): Promise<ListTotals> {
  return withOrg(db, orgId, (tx) => findRecurringTotals(tx, orgId, query));
}

export function getProfile(db: Db, orgId: string, profileId: string): Promise<RecurringProfileDetail> {
  return withOrg(db, orgId, async (tx) => toDetail(tx, await findProfile(tx, profileId)));
}

export function createProfile(db: Db, orgId: string, body: ProfileBody): Promise<RecurringProfileDetail> {
  return withOrg(db, orgId, async (tx) => {
    const values = await checkedValues(tx, body);
    const schedule = scheduleFrom({ ...values, invoicesMade: 0 }, await resumeFrom(tx, orgId, null));
    if (schedule.nextDate === null) throw new AppError("RECURRING_NOTHING_LEFT");
    const [row] = await tx
      .insert(recurringProfiles)
      .values({ orgId, ...values, ...schedule, status: "active" })
      .returning();
    if (!row) throw new AppError("CONFLICT");
    return toDetail(tx, row);
  });
}

/**
 * A new schedule (start, frequency, end) applies from today on, and never makes a second invoice for a
 * date on or before the last one made; an edit changes only the invoices still to be made.
 */
export function updateProfile(
  db: Db,
  orgId: string,
  profileId: string,
  body: ProfileBody,
): Promise<RecurringProfileDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await findProfile(tx, profileId, true);
    if (current.status === "stopped" || current.status === "ended")
      throw new AppError("RECURRING_PROFILE_FINISHED");
    const values = await checkedValues(tx, body);
    const schedule = scheduleFrom(
      { ...values, invoicesMade: current.invoicesMade },
      await resumeFrom(tx, orgId, profileId),
    );
    if (schedule.nextDate === null) throw new AppError("RECURRING_NOTHING_LEFT");
    const [row] = await tx
      .update(recurringProfiles)
      .set({ ...values, ...schedule, lastError: null, updatedAt: clock.now() })
      .where(eq(recurringProfiles.id, profileId))
      .returning();
    if (!row) throw notFound();
    return toDetail(tx, row);
  });
}

export function pauseProfile(db: Db, orgId: string, profileId: string): Promise<RecurringProfileDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await findProfile(tx, profileId, true);
    if (current.status !== "active") throw new AppError("RECURRING_PROFILE_NOT_ACTIVE");
    return toDetail(tx, await setProfile(tx, profileId, { status: "paused" }));
  });
}

/**
 * Resuming does not make the occurrences that fell while paused (no burst): the schedule goes on from
 * the first occurrence on or after today.
 */
export function resumeProfile(db: Db, orgId: string, profileId: string): Promise<RecurringProfileDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await findProfile(tx, profileId, true);
    if (current.status !== "paused") throw new AppError("RECURRING_PROFILE_NOT_PAUSED");
    const schedule = scheduleFrom(current, await resumeFrom(tx, orgId, profileId));
    return toDetail(
      tx,
      await setProfile(tx, profileId, {
        ...schedule,
        status: schedule.nextDate === null ? "ended" : "active",
      }),
    );
  });
}

/** Stopping is for good: it makes no more invoices and cannot be resumed (those it made stay). */
export function stopProfile(db: Db, orgId: string, profileId: string): Promise<RecurringProfileDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await findProfile(tx, profileId, true);
    if (current.status === "stopped" || current.status === "ended")
      throw new AppError("RECURRING_PROFILE_FINISHED");
    return toDetail(tx, await setProfile(tx, profileId, { status: "stopped", nextDate: null }));
  });
}

/** Deleting keeps the invoices it made; they stop naming it (the foreign key sets null, migration 0026). */
export function deleteProfile(db: Db, orgId: string, profileId: string): Promise<void> {
  return withOrg(db, orgId, async (tx) => {
    await findProfile(tx, profileId, true);
    await tx.delete(recurringProfiles).where(eq(recurringProfiles.id, profileId));
  });
}

async function setProfile(tx: Tx, profileId: string, set: Partial<ProfileRow>): Promise<ProfileRow> {
  const [row] = await tx
    .update(recurringProfiles)
    .set({ ...set, updatedAt: clock.now() })
    .where(eq(recurringProfiles.id, profileId))
    .returning();
  if (!row) throw notFound();
  return row;
}

export function listProfileInvoices(db: Db, orgId: string, profileId: string): Promise<RecurringInvoice[]> {
  return withOrg(db, orgId, async (tx) => {
    await findProfile(tx, profileId);
    const rows = await tx
      .select()
      .from(invoices)
      .where(eq(invoices.recurringProfileId, profileId))
      .orderBy(desc(invoices.recurringOccurrenceDate))
      .limit(1000);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      occurrenceDate: r.recurringOccurrenceDate ?? r.issueDate,
      issueDate: r.issueDate,
      dueDate: r.dueDate,
      currency: r.currency,
      totalMinor: r.totalMinor,
    }));
  });
}

/**
 * CP1004 (FEATURES.md F4, decision 037): charging a customer's saved method for an invoice rests on the
 * recurring profile that made it; once that profile is deleted, no such charge is made (the contact may
 * still pay the invoice by hand in the portal). For `invoice.auto_charge`, inside its transaction.
 */
export async function assertRecurringChargeAllowedInTx(tx: Tx, invoiceId: string): Promise<void> {
  const [row] = await tx
    .select({ profileId: invoices.recurringProfileId, occurrence: invoices.recurringOccurrenceDate })
    .from(invoices)
    .where(eq(invoices.id, invoiceId));
  if (!row) throw notFound();
  if (row.occurrence !== null && row.profileId === null) throw new AppError("CP1004");
}
