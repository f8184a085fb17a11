import { and, eq, lte } from "drizzle-orm";
import { addDays, addDaysWithinRange, todayIn } from "../../../shared/dates.js";
import { isWithinEnd } from "../../../shared/recurring-occurrences.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { organisations, recurringProfiles } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { AppError } from "../../errors/errors.js";
import { enqueueJob, type JobContext, type PeriodicTask } from "../../jobs/job-types.js";
import { resolveLineTaxes } from "../documents/line-pricing.js";
import { sendInvoiceInTx } from "../invoices/invoice-send.service.js";
import { createDraftFromPricedLinesInTx } from "../invoices/invoices.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { endRuleOf, scheduleAfter } from "./recurring.service.js";

type Deps = { db: Db; config: Config; mailer: Mailer };

/** The job kind `charge_and_send` enqueues for each invoice it makes (its handler lives with the saved methods). */
export const AUTO_CHARGE_JOB = "invoice.auto_charge";

/**
 * Makes the invoice of a profile's next occurrence if it is due (dated today or earlier in the
 * organisation's zone), in one transaction with the profile's row locked: the invoice (a normal invoice,
 * through the invoices service: a draft, or issued with its number and emailed by the delivery mode),
 * its link to the occurrence (unique, so a second maker fails instead of billing twice), the auto-charge
 * job, and the profile moved on to its next occurrence. Returns whether it made one.
 */
async function makeNextOccurrenceInTx(
  tx: Tx,
  deps: Deps,
  orgId: string,
  profileId: string,
): Promise<boolean> {
  const [p] = await tx
    .select()
    .from(recurringProfiles)
    .where(eq(recurringProfiles.id, profileId))
    .for("update");
  if (p?.status !== "active" || p.nextDate === null) return false;
  const today = clock.today((await loadOrganisation(tx, orgId)).timeZone);
  if (p.nextDate > today) return false;
  if (!isWithinEnd(endRuleOf(p), p.nextDate, p.invoicesMade)) {
    await tx
      .update(recurringProfiles)
      .set({ status: "ended", nextDate: null, updatedAt: clock.now() })
      .where(eq(recurringProfiles.id, p.id));
    return false;
  }
  const invoiceId = await createDraftFromPricedLinesInTx(tx, orgId, {
    customerId: p.customerId,
    currency: p.currency,
    notes: p.notes,
    terms: p.terms,
    // Dated the day it is made (a catch-up after downtime too), due after the profile's terms.
    dueDate: addDaysWithinRange(today, p.paymentTermsDays),
    recurringProfileId: p.id,
    recurringOccurrenceDate: p.nextDate,
    lines: await resolveLineTaxes(tx, p.lines),
  });
  if (p.mode !== "draft") await sendInvoiceInTx(tx, deps, orgId, invoiceId, undefined);
  if (p.mode === "charge_and_send")
    await enqueueJob(tx, {
      kind: AUTO_CHARGE_JOB,
      orgId,
      payload: { invoiceId },
      key: `${AUTO_CHARGE_JOB}:${invoiceId}`,
    });
  const next = scheduleAfter(p);
  await tx
    .update(recurringProfiles)
    .set({
      ...next,
      invoicesMade: p.invoicesMade + 1,
      status: next.nextDate === null ? "ended" : "active",
      lastError: null,
      lastRunAt: clock.now(),
      updatedAt: clock.now(),
    })
    .where(eq(recurringProfiles.id, p.id));
  return true;
}

/**
 * Makes every due occurrence of one profile, one transaction each: after downtime, one invoice per missed
 * occurrence, oldest first. A failure (an archived customer, no contact to email, a tax removed) is kept
 * on the profile for staff and tried again at the next tick; the occurrences already made stay made.
 */
export async function makeDueInvoices(deps: Deps, orgId: string, profileId: string): Promise<number> {
  let made = 0;
  try {
    // Bounded: a profile can owe at most a few hundred occurrences (weekly, years of downtime).
    while (
      made < 1000 &&
      (await withOrg(deps.db, orgId, (tx) => makeNextOccurrenceInTx(tx, deps, orgId, profileId)))
    )
      made += 1;
  } catch (err) {
    const message = errorText(err);
    await withOrg(deps.db, orgId, (tx) =>
      tx
        .update(recurringProfiles)
        .set({ lastError: message.slice(0, 500), lastRunAt: clock.now() })
        .where(eq(recurringProfiles.id, profileId)),
    );
    throw err;
  } finally {
    if (made > 0) void deps.mailer.deliverQueued();
  }
  return made;
}

/** What staff read of a failure: a coded error's message, a database error's own (not the whole query). */
function errorText(err: unknown): string {
  if (err instanceof AppError) return `${err.code}: ${err.message}`;
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * The tick: every active profile with an occurrence due today or earlier in its organisation's zone.
 * Found in the system scope, read only (a zone is at most 14 hours ahead of UTC, so UTC's tomorrow bounds
 * every organisation's today); each invoice is made in the organisation's scope.
 */
export async function runRecurringTick(ctx: JobContext): Promise<number> {
  const db = ctx.database.db;
  const bound = addDays(todayIn("UTC", clock.now()), 1);
  const due = await withSystem(db, (tx) =>
    tx
      .select({
        id: recurringProfiles.id,
        orgId: recurringProfiles.orgId,
        nextDate: recurringProfiles.nextDate,
        timeZone: organisations.timeZone,
      })
      .from(recurringProfiles)
      .innerJoin(organisations, eq(organisations.id, recurringProfiles.orgId))
      .where(and(eq(recurringProfiles.status, "active"), lte(recurringProfiles.nextDate, bound)))
      .orderBy(recurringProfiles.nextDate, recurringProfiles.id)
      .limit(5000),
  );
  let made = 0;
  for (const p of due) {
    if (p.nextDate === null || p.nextDate > clock.today(p.timeZone)) continue;
    try {
      made += await makeDueInvoices({ db, config: ctx.config, mailer: ctx.mailer }, p.orgId, p.id);
    } catch (err) {
      ctx.log.warn({ err, profileId: p.id, orgId: p.orgId }, "recurring profile failed to make an invoice");
    }
  }
  return made;
}

/** `recurring.tick` (decision 037): idempotent, so the runner may run it twice, or two processes at once. */
export const recurringTickTask: PeriodicTask = {
  name: "recurring.tick",
  everyMs: 60_000,
  async run(ctx) {
    await runRecurringTick(ctx);
  },
};
