import { and, eq, gte, inArray, isNotNull, isNull, lte, ne } from "drizzle-orm";
import type { z } from "zod";
import type { InvoiceTimeResult, invoiceTimeBody } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { timeEntries } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { resolveLineTaxes } from "../documents/line-pricing.js";
import { createDraftFromPricedLinesInTx } from "../invoices/invoices.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { findProject, hasTime, pricedEntries } from "./projects.queries.js";
import { MissingRateError, type TimeLine, timeLines } from "./time-pricing.js";

type Input = z.output<typeof invoiceTimeBody>;

const NO_TASK = { es: "Sin tarea", en: "No task" } as const;
const hours = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")} h`;

/** How a line reads on the invoice, in the organisation's language. */
function describe(projectName: string, line: TimeLine, input: Input, lang: "es" | "en"): string {
  const task = line.taskName ?? NO_TASK[lang];
  const text =
    input.grouping === "entry"
      ? `${line.workDate} · ${task}${line.notes ? ` · ${line.notes}` : ""} (${hours(line.minutes)})`
      : input.grouping === "task"
        ? `${projectName} — ${task} (${hours(line.minutes)})`
        : `${projectName} ${input.from} – ${input.to} (${hours(line.minutes)})`;
  return text.length > 2000 ? `${text.slice(0, 1999)}…` : text;
}

/**
 * "Invoice time" (issue 15 §4, decision 039): the project's billable, unbilled, finished time of a
 * period becomes one draft invoice through the invoices service, and those entries are billed by it in
 * the same transaction, so they cannot be invoiced twice (the project's row is locked while it happens).
 * With `needs_approval` only approved time counts; time awaiting approval never does. A fixed-price
 * project is one line of its fixed amount, once.
 */
export function invoiceProjectTime(
  db: Db,
  orgId: string,
  projectId: string,
  input: Input,
): Promise<InvoiceTimeResult> {
  return withOrg(db, orgId, async (tx) => {
    const project = await findProject(tx, projectId, { lock: true });
    const entries = await pricedEntries(
      tx,
      and(
        eq(timeEntries.projectId, project.id),
        eq(timeEntries.billable, true),
        isNull(timeEntries.invoiceId),
        gte(timeEntries.workDate, input.from),
        lte(timeEntries.workDate, input.to),
        project.needsApproval
          ? eq(timeEntries.approvalStatus, "approved")
          : ne(timeEntries.approvalStatus, "pending"),
      ),
      { lock: true },
    );
    if (entries.length === 0) throw new AppError("PROJECT_NOTHING_TO_INVOICE");
    const org = await loadOrganisation(tx, orgId);
    const lang = org.language === "en" ? "en" : "es";
    const [taxed] = await resolveLineTaxes(tx, [
      { description: project.name, quantityMilli: 0, unitPriceMinor: 0, discountBp: 0, taxIds: input.taxIds },
    ]);
    const taxes = taxed?.taxes ?? [];
    let lines: { description: string; quantityMilli: number; unitPriceMinor: number }[];
    if (project.billingMethod === "fixed") {
      if (project.fixedAmountMinor === null) throw new AppError("PROJECT_FIXED_AMOUNT_MISSING");
      if (await hasTime(tx, and(eq(timeEntries.projectId, project.id), isNotNull(timeEntries.invoiceId))))
        throw new AppError("PROJECT_FIXED_ALREADY_INVOICED");
      lines = [{ description: project.name, quantityMilli: 1000, unitPriceMinor: project.fixedAmountMinor }];
    } else {
      let priced: TimeLine[];
      try {
        priced = timeLines(project, entries, input.grouping);
      } catch (err) {
        if (err instanceof MissingRateError) throw new AppError("PROJECT_RATE_MISSING");
        throw err;
      }
      lines = priced.map((l) => ({
        description: describe(project.name, l, input, lang),
        quantityMilli: l.hoursMilli,
        unitPriceMinor: l.rateMinor,
      }));
    }
    const invoiceId = await createDraftFromPricedLinesInTx(tx, orgId, {
      customerId: project.customerId,
      currency: project.currency,
      notes: null,
      terms: null,
      lines: lines.map((l) => ({ ...l, discountBp: 0, taxes })),
    });
    const ids = entries.map((e) => e.id);
    const billed = await tx
      .update(timeEntries)
      .set({ invoiceId })
      .where(and(inArray(timeEntries.id, ids), isNull(timeEntries.invoiceId)))
      .returning({ id: timeEntries.id });
    if (billed.length !== ids.length) throw new AppError("CONFLICT");
    return {
      invoiceId,
      entryCount: ids.length,
      totalMinutes: entries.reduce((sum, e) => sum + e.minutes, 0),
    };
  });
}
