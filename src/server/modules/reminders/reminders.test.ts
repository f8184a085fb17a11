import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from "../../../shared/contracts/reminders.js";
import * as clock from "../../clock.js";
import { auditEvents, emails, invoiceReminders, payments } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { jobContextOf, testJobRunner } from "../../jobs/test-support.js";
import { buildCustomer, loginStaff, recordPayment, type TestOrg } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { joinTeam } from "../team/test-support.js";
import { sendDueReminders } from "./send-reminders.js";

const { ctx, org, otherOrg } = setUpTestApp("Reminding", "Other Reminding");
const db = () => ctx.database.db;
afterEach(() => clock.resetClock());

/**
 * Noon in Madrid on a day of March 2031: the tests move the clock day by day from here, and sign the
 * owners in again at that time (a session does not survive the jump).
 */
async function at(day: number) {
  clock.setClock(`2031-03-${String(day).padStart(2, "0")}T11:00:00Z`);
  for (const o of [org, otherOrg]) o.cookie = await loginStaff(ctx, o.email, o.password);
}

const settingsWith = (
  patch: Partial<Record<keyof ReminderSettings, { enabled: boolean; days?: number }>>,
) => {
  const s = structuredClone(DEFAULT_REMINDER_SETTINGS);
  for (const [kind, v] of Object.entries(patch)) Object.assign(s[kind as keyof ReminderSettings], v);
  return s;
};

const putSettings = (o: TestOrg, payload: object) =>
  ctx.app.inject({ method: "PUT", url: "/api/reminder-settings", headers: { cookie: o.cookie }, payload });

/** An invoice issued and sent on day `issued` of March 2031, due `termsDays` later, for a new customer. */
async function sentInvoice(
  o: TestOrg,
  issued: number,
  termsDays: number,
  fields: Record<string, unknown> = {},
) {
  await at(issued);
  const customer = await buildCustomer(ctx, o, `Customer ${issued}-${termsDays}`, undefined, fields);
  const dueDate = `2031-03-${String(issued + termsDays).padStart(2, "0")}`;
  const created = await ctx.app.inject({
    method: "POST",
    url: "/api/invoices",
    headers: { cookie: o.cookie },
    payload: {
      customerId: customer.id,
      dueDate,
      lines: [{ description: "Consulting", quantityMilli: 1000, unitPriceMinor: 10000 }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const sent = await ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${id}/send`,
    headers: { cookie: o.cookie },
    payload: {},
  });
  expect(sent.statusCode, sent.body).toBe(200);
  return { id, customer, dueDate };
}

const reminderEmails = (o: TestOrg) =>
  withOrg(db(), o.orgId, (tx) => tx.select().from(emails).where(eq(emails.kind, "payment_reminder")));
const remindersOf = (o: TestOrg, invoiceId: string) =>
  withOrg(db(), o.orgId, (tx) =>
    tx.select().from(invoiceReminders).where(eq(invoiceReminders.invoiceId, invoiceId)),
  );
const tick = () => sendDueReminders(jobContextOf(ctx));

describe("reminder settings", () => {
  test("start with every reminder off and the default texts", async () => {
    const res = await ctx.app.inject({ url: "/api/reminder-settings", headers: { cookie: org.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(DEFAULT_REMINDER_SETTINGS);
  });

  test("a bad template is refused with its field and nothing is saved", async () => {
    const bad = settingsWith({ after_due: { enabled: true } });
    bad.after_due.templates.en.body = "Hello {{ contact_name }}, pay {% if due_minor %}now";
    bad.before_due.templates.es.subject = "Factura {{ numero }}";
    bad.on_due.templates.en.subject = "{{ due_minor | shout }}";
    const res = await putSettings(org, bad);
    expect(res.statusCode, res.body).toBe(400);
    const fields = res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ["body.after_due.templates.en.body", "invalid_template"],
        ["body.before_due.templates.es.subject", "invalid_template"],
        ["body.on_due.templates.en.subject", "invalid_template"],
      ]),
    );
    expect(fields).toHaveLength(3);
    const now = await ctx.app.inject({ url: "/api/reminder-settings", headers: { cookie: org.cookie } });
    expect(now.json()).toEqual(DEFAULT_REMINDER_SETTINGS);
  });

  test("a template cannot read files", async () => {
    const s = settingsWith({});
    s.on_due.templates.en.body = '{% include "package.json" %}';
    expect((await putSettings(org, s)).statusCode).toBe(400);
    s.on_due.templates.en.body = '{% render "/etc/passwd" %}';
    expect((await putSettings(org, s)).statusCode).toBe(400);
  });

  test("every member reads them; only owners and admins change them", async () => {
    const member = await joinTeam(ctx, org, "staff");
    const read = await ctx.app.inject({ url: "/api/reminder-settings", headers: { cookie: member.cookie } });
    expect(read.statusCode, read.body).toBe(200);
    const refused = await putSettings(
      { ...org, cookie: member.cookie },
      settingsWith({ on_due: { enabled: true } }),
    );
    expect(refused.statusCode, refused.body).toBe(403);
    const after = await ctx.app.inject({ url: "/api/reminder-settings", headers: { cookie: org.cookie } });
    expect(after.json().on_due.enabled).toBe(false);
  });

  test("out-of-range days are refused by the contract", async () => {
    const s = settingsWith({ before_due: { enabled: true, days: 0 } });
    expect((await putSettings(org, s)).statusCode).toBe(400);
  });
});

describe("the reminders task", () => {
  beforeEach(() => at(1));
  test("sends each reminder on its day, once, to the invoice's contacts, listed in its activity", async () => {
    const settings = settingsWith({
      before_due: { enabled: true, days: 3 },
      on_due: { enabled: true },
      after_due: { enabled: true, days: 7 },
    });
    settings.after_due.templates.en.subject = "Overdue {{ number }}: {{ due_minor | money: currency }}";
    const saved = await putSettings(org, settings);
    expect(saved.statusCode, saved.body).toBe(200);
    const inv = await sentInvoice(org, 1, 10, { language: "en" }); // due 11 March
    const before = (await reminderEmails(org)).length;

    await at(7);
    expect(await tick()).toBe(0);
    await at(8);
    expect(await tick()).toBe(1);
    expect(await tick()).toBe(0);
    let mails = (await reminderEmails(org)).slice(before);
    expect(mails.map((m) => m.toAddress).sort()).toEqual(inv.customer.contacts.map((c) => c.email).sort());
    expect(mails[0]?.subject).toMatch(/^Reminder: invoice .+ is due on 11 March 2031$/);
    expect(mails[0]?.textBody).toContain("is due in 3 days");
    expect(mails[0]?.textBody).toMatch(/https:\/\/portico\.test\/p\/.+\/l\//);

    await at(11);
    expect(await tick()).toBe(1);
    await at(12);
    expect(await tick()).toBe(0);
    await at(18);
    // Through the job runner: the periodic task of this slot, twice.
    const runner = testJobRunner(ctx);
    await runner.drain();
    await runner.drain();
    mails = (await reminderEmails(org)).slice(before);
    expect(mails).toHaveLength(6);
    expect(mails.filter((m) => m.subject.startsWith("Overdue"))).toHaveLength(2);
    expect(mails.find((m) => m.subject.startsWith("Overdue"))?.subject).toContain("€121.00");
    expect((await remindersOf(org, inv.id)).map((r) => [r.kind, r.reminderDate, r.recipients])).toEqual(
      expect.arrayContaining([
        ["before_due", "2031-03-08", 2],
        ["on_due", "2031-03-11", 2],
        ["after_due", "2031-03-18", 2],
      ]),
    );
    const activity = await ctx.app.inject({
      url: `/api/invoices/${inv.id}/activity`,
      headers: { cookie: org.cookie },
    });
    expect(activity.statusCode, activity.body).toBe(200);
    expect(
      activity.json().events.filter((e: { action: string }) => e.action === "reminder_sent"),
    ).toHaveLength(6);
  });

  test("never to a paid, void, disputed or draft invoice, nor an opted-out customer", async () => {
    await putSettings(org, settingsWith({ on_due: { enabled: true } }));
    const paid = await sentInvoice(org, 2, 10);
    const paying = await recordPayment(
      ctx,
      { cookie: org.cookie },
      {
        customerId: paid.customer.id,
        invoiceId: paid.id,
        amountMinor: 12100,
      },
    );
    expect(paying.statusCode, paying.body).toBe(201);
    const voided = await sentInvoice(org, 2, 10);
    const v = await ctx.app.inject({
      method: "POST",
      url: `/api/invoices/${voided.id}/void`,
      headers: { cookie: org.cookie },
    });
    expect(v.statusCode, v.body).toBe(200);
    const disputed = await sentInvoice(org, 2, 10);
    const part = await recordPayment(
      ctx,
      { cookie: org.cookie },
      {
        customerId: disputed.customer.id,
        invoiceId: disputed.id,
        amountMinor: 4000,
      },
    );
    expect(part.statusCode, part.body).toBe(201);
    await withOrg(db(), org.orgId, (tx) =>
      tx.update(payments).set({ disputedAt: clock.now() }).where(eq(payments.id, part.json().id)),
    );
    const optedOut = await sentInvoice(org, 2, 10, { remindersOptOut: true });
    const partlyPaid = await sentInvoice(org, 2, 10);
    const p = await recordPayment(
      ctx,
      { cookie: org.cookie },
      {
        customerId: partlyPaid.customer.id,
        invoiceId: partlyPaid.id,
        amountMinor: 2500,
      },
    );
    expect(p.statusCode).toBe(201);
    await at(2);
    const customer = await buildCustomer(ctx, org, "Drafty");
    const draft = await ctx.app.inject({
      method: "POST",
      url: "/api/invoices",
      headers: { cookie: org.cookie },
      payload: {
        customerId: customer.id,
        dueDate: "2031-03-12",
        lines: [{ description: "x", quantityMilli: 1000, unitPriceMinor: 100 }],
      },
    });
    expect(draft.statusCode).toBe(201);

    await at(12);
    await tick();
    for (const [name, skipped] of Object.entries({ paid, voided, disputed, optedOut }))
      expect(await remindersOf(org, skipped.id), name).toEqual([]);
    expect(await remindersOf(org, draft.json().id)).toEqual([]);
    const [reminded] = await remindersOf(org, partlyPaid.id);
    expect(reminded).toMatchObject({ kind: "on_due", reminderDate: "2031-03-12" });
    const mail = (await reminderEmails(org)).find((m) =>
      partlyPaid.customer.contacts.some((c) => c.email === m.toAddress),
    );
    expect(mail?.textBody).toContain("96,00");
  });

  test("a missed day catches up once, only the latest reminder; a long-passed one is never sent", async () => {
    await putSettings(
      org,
      settingsWith({
        before_due: { enabled: true, days: 3 },
        on_due: { enabled: true },
        after_due: { enabled: false },
      }),
    );
    const late = await sentInvoice(org, 3, 10); // due 13 March, before on 10 March
    const lost = await sentInvoice(org, 3, 5); // due 8 March
    await at(15); // down from the 10th to the 15th
    await tick();
    expect((await remindersOf(org, late.id)).map((r) => r.kind)).toEqual(["on_due"]);
    expect(await remindersOf(org, lost.id)).toEqual([]); // its day (8th) is 7 days ago
    await tick();
    expect(await remindersOf(org, late.id)).toHaveLength(1);
  });

  test("a reminder due before the invoice was issued is not sent", async () => {
    await putSettings(org, settingsWith({ before_due: { enabled: true, days: 5 } }));
    const soon = await sentInvoice(org, 10, 2); // issued 10th, due 12th: "5 days before" was the 7th
    const ready = await sentInvoice(org, 10, 5); // issued 10th, due 15th: "5 days before" is today
    await tick();
    expect(await remindersOf(org, soon.id)).toEqual([]);
    // The same tick does send the reminder whose day is today: the refusal above is not a silent tick.
    expect((await remindersOf(org, ready.id)).map((r) => r.kind)).toEqual(["before_due"]);
  });

  test("another organisation's settings are its own; two ticks at once send each reminder once", async () => {
    await putSettings(otherOrg, settingsWith({ on_due: { enabled: true } }));
    await putSettings(org, settingsWith({}));
    const mine = await sentInvoice(org, 11, 10);
    const theirs = await sentInvoice(otherOrg, 11, 10);
    await at(21);
    const counts = await Promise.all([tick(), tick(), tick()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await remindersOf(org, mine.id)).toEqual([]);
    expect(await remindersOf(otherOrg, theirs.id)).toHaveLength(1);
    const events = await withOrg(db(), otherOrg.orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.documentId, theirs.id), eq(auditEvents.action, "reminder_sent"))),
    );
    expect(events).toHaveLength(2);
    expect(events[0]?.details).toMatchObject({ kind: "on_due", reminderDate: "2031-03-21" });
  });
});
