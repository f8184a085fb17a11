import { and, between, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { ReminderKind, ReminderSettings } from "../../../shared/contracts/reminders.js";
import { addDays } from "../../../shared/dates.js";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import { contacts, customers, invoiceReminders, invoices, reminderSettings } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import type { JobContext, PeriodicTask } from "../../jobs/job-types.js";
import { recordAutomaticEvent } from "../audit/audit.service.js";
import { dueSql, openSql } from "../documents/document-facts.js";
import { emailInvoiceInTx } from "../invoices/invoice-send.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { CATCH_UP_DAYS, type ReminderDue, reminderToSend } from "./reminder-dates.js";
import { loadReminderSettings } from "./reminder-settings.service.js";

export const REMINDERS_TASK = "reminders.send";

/** The reminders' call to action, per language (the template's `{{ button }}`). */
const BUTTON = { es: "Ver y pagar la factura", en: "View and pay the invoice" } as const;

/**
 * Payment reminders (issue 15 §3, decision 038), every 15 minutes: for each organisation with reminder
 * settings, each open invoice whose reminder day has come (organisation's time zone, the server clock).
 * Idempotent: a reminder is a unique (invoice, kind) row written in the transaction of its emails.
 */
export const remindersTask: PeriodicTask = {
  name: REMINDERS_TASK,
  everyMs: 15 * 60_000,
  run: async (ctx) => {
    await sendDueReminders(ctx);
  },
};

/** Sends what is due in every organisation; one organisation's failure is logged and does not stop the rest. */
export async function sendDueReminders(ctx: JobContext): Promise<number> {
  const { db } = ctx.database;
  const orgs = await withSystem(db, (tx) =>
    tx.select({ orgId: reminderSettings.orgId }).from(reminderSettings),
  );
  let sent = 0;
  for (const { orgId } of orgs) {
    try {
      sent += await sendOrganisationReminders(ctx, orgId);
    } catch (err) {
      ctx.log.error({ err, orgId }, "payment reminders failed for an organisation");
    }
  }
  if (sent > 0) void ctx.mailer.deliverQueued();
  return sent;
}

interface Candidate {
  id: string;
  customerId: string;
  dueDate: string;
  issueDate: string;
}

/**
 * Invoices that may be reminded: open, still owing, due within `range`, of a live customer that did not
 * opt out, with no disputed payment on them (the customer is contesting a charge at the provider: a
 * reminder would be wrong while staff answer the dispute).
 */
function candidates(tx: Tx, only: { from: string; to: string } | { invoiceId: string }) {
  return tx
    .select({
      id: invoices.id,
      customerId: invoices.customerId,
      dueDate: sql<string>`${invoices.dueDate}`,
      issueDate: invoices.issueDate,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(
      and(
        "invoiceId" in only ? eq(invoices.id, only.invoiceId) : undefined,
        eq(invoices.kind, "invoice"),
        openSql(),
        sql`${dueSql()} > 0`,
        isNotNull(invoices.dueDate),
        "from" in only ? between(invoices.dueDate, only.from, only.to) : undefined,
        eq(customers.remindersOptOut, false),
        isNull(customers.deletedAt),
        sql`not exists (select 1 from allocations a join payments p on p.id = a.payment_id
              where a.invoice_id = ${invoices.id} and p.disputed_at is not null)`,
      ),
    ) as Promise<Candidate[]>;
}

/** Due dates whose reminders can fall within the catch-up window ending today. */
function dueRange(settings: ReminderSettings, today: string) {
  const before = settings.before_due.enabled ? settings.before_due.days : 0;
  const after = settings.after_due.enabled ? settings.after_due.days : 0;
  return { from: addDays(today, -CATCH_UP_DAYS - after), to: addDays(today, before) };
}

async function sendOrganisationReminders(ctx: JobContext, orgId: string): Promise<number> {
  const { db } = ctx.database;
  const plan = await withOrg(db, orgId, async (tx) => {
    const settings = await loadReminderSettings(tx, orgId);
    if (!settings.before_due.enabled && !settings.on_due.enabled && !settings.after_due.enabled) return null;
    const today = clock.today((await loadOrganisation(tx, orgId)).timeZone);
    const found = await candidates(tx, dueRange(settings, today));
    const sent = await sentKinds(
      tx,
      found.map((c) => c.id),
    );
    const due = found.flatMap((c) => {
      const r = reminderToSend(settings, c, today, sent.get(c.id) ?? new Set());
      return r ? [{ invoiceId: c.id, reminder: r }] : [];
    });
    return { settings, due };
  });
  if (!plan) return 0;
  let sent = 0;
  for (const { invoiceId, reminder } of plan.due) {
    const done = await withOrg(db, orgId, (tx) =>
      sendReminderInTx(tx, ctx, orgId, invoiceId, reminder, plan.settings),
    );
    if (done) sent++;
  }
  return sent;
}

async function sentKinds(tx: Tx, invoiceIds: string[]): Promise<Map<string, Set<ReminderKind>>> {
  const out = new Map<string, Set<ReminderKind>>();
  if (invoiceIds.length === 0) return out;
  const rows = await tx
    .select({ invoiceId: invoiceReminders.invoiceId, kind: invoiceReminders.kind })
    .from(invoiceReminders)
    .where(inArray(invoiceReminders.invoiceId, invoiceIds));
  for (const r of rows) out.set(r.invoiceId, (out.get(r.invoiceId) ?? new Set()).add(r.kind));
  return out;
}

/**
 * One reminder: the invoice is locked and checked again (paid, voided or opted out meanwhile sends
 * nothing), then the (invoice, kind) row is claimed; a row already there (another tick, another process)
 * means it was sent. The emails and the activity entries are written in the same transaction as the row.
 * A customer with no contact to email gets the row with no recipient, so it is not tried every tick.
 */
async function sendReminderInTx(
  tx: Tx,
  ctx: JobContext,
  orgId: string,
  invoiceId: string,
  reminder: ReminderDue,
  settings: ReminderSettings,
): Promise<boolean> {
  await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, invoiceId)).for("update");
  const [invoice] = await candidates(tx, { invoiceId });
  if (!invoice) return false;
  const recipients = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.customerId, invoice.customerId),
        isNull(contacts.deletedAt),
        isNotNull(contacts.email),
        eq(contacts.portalEnabled, true),
      ),
    );
  const claimed = await tx
    .insert(invoiceReminders)
    .values({
      orgId,
      customerId: invoice.customerId,
      invoiceId,
      kind: reminder.kind,
      reminderDate: reminder.date,
      recipients: recipients.length,
    })
    .onConflictDoNothing()
    .returning({ id: invoiceReminders.id });
  if (claimed.length === 0 || recipients.length === 0) return false;
  const rule = settings[reminder.kind];
  const delivered = await emailInvoiceInTx(tx, ctx, orgId, invoiceId, {
    kind: "payment_reminder",
    staffTemplate: (lang) => ({ ...rule.templates[lang], button: BUTTON[lang] }),
    vars: () => ({ days: reminder.days }),
  });
  for (const r of delivered.recipients)
    await recordAutomaticEvent(tx, {
      orgId,
      customerId: invoice.customerId,
      contactId: r.contactId,
      action: "reminder_sent",
      documentType: "invoice",
      documentId: invoiceId,
      details: { kind: reminder.kind, reminderDate: reminder.date },
    });
  return true;
}
