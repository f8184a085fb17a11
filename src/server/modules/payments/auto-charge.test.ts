import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as clock from "../../clock.js";
import {
  auditEvents,
  checkoutSessions,
  emails,
  invoices,
  jobs,
  notifications,
  payments,
  savedPaymentMethods,
} from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import { enqueueJob } from "../../jobs/enqueue-job.js";
import { testJobRunner } from "../../jobs/test-support.js";
import { buildCustomer, buildInvoice, buildOrg, recordPayment, type TestOrg } from "../../test/factories.js";
import { type StripeFake, startStripeFake } from "../../test/fakes/stripe-fake.js";
import type { OffSessionOutcome } from "../../test/fakes/stripe-fake-state.js";
import { field } from "../../test/fakes/stripe-form.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { AUTO_CHARGE_JOB, AUTO_CHARGE_MAX_ATTEMPTS } from "./auto-charge.service.js";

/** Issue 15 §2: `invoice.auto_charge` against the Stripe fake's off-session PaymentIntents. */
let fake: StripeFake;
let ctx: TestContext;
let org: TestOrg;
const db = () => ctx.database.db;

beforeAll(async () => {
  fake = await startStripeFake();
  ctx = await createTestContext({ STRIPE_API_BASE: fake.baseUrl, GATEWAY_TIMEOUT_MS: "1000" });
  org = await buildOrg(ctx, "Auto Charging", { gateways: ["stripe"] });
  const saved = await ctx.app.inject({
    method: "PUT",
    url: "/api/payment-gateways/stripe/credentials",
    headers: { cookie: org.cookie },
    payload: { secretKey: fake.secretKey, webhookSecret: fake.webhookSecret },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});
afterEach(() => {
  fake.setOutage(null);
  clock.resetClock();
});

/** An issued invoice of 121.00 € for a new customer whose contact saved a card (unless `saved` is false). */
async function invoiceToCharge(name: string, opts: { saved?: boolean; outcome?: OffSessionOutcome } = {}) {
  const contact = {
    name: `${name} Contact`,
    email: `${randomUUID()}@example.com`,
    isPrimary: true,
    language: "en",
  };
  const customer = await buildCustomer(ctx, org, name, [contact as never]);
  const invoice = await buildInvoice(ctx, org, customer.id, {
    issue: true,
    lines: [{ description: "Monthly plan", quantityMilli: 1000, unitPriceMinor: 10000 }],
  });
  const card = fake.state.savedCard();
  if (opts.outcome) fake.state.offSession.set(card.method.id, opts.outcome);
  if (opts.saved !== false)
    await withOrg(db(), org.orgId, (tx) =>
      tx.insert(savedPaymentMethods).values({
        orgId: org.orgId,
        customerId: customer.id,
        contactId: customer.contacts[0]?.id as string,
        gateway: "stripe",
        providerCustomerId: card.customer.id,
        providerMethodId: card.method.id,
        label: "Visa ····4242",
        isDefault: true,
      }),
    );
  return { customer, invoice, card, email: contact.email };
}

async function enqueueCharge(invoiceId: string) {
  await withOrg(db(), org.orgId, (tx) =>
    enqueueJob(tx, {
      kind: AUTO_CHARGE_JOB,
      orgId: org.orgId,
      payload: { invoiceId },
      key: `test:${invoiceId}:${randomUUID()}`,
    }),
  );
}

/** Payments recorded through a checkout of this invoice. */
const paymentsOf = (invoiceId: string) =>
  withOrg(db(), org.orgId, (tx) =>
    tx.select().from(payments).innerJoin(checkoutSessions, eq(checkoutSessions.id, payments.checkoutId)),
  ).then((rows) =>
    rows.filter((r) => r.checkout_sessions.allocations.some((a) => a.invoiceId === invoiceId)),
  );
const invoiceRow = (id: string) =>
  withOrg(db(), org.orgId, async (tx) => (await tx.select().from(invoices).where(eq(invoices.id, id)))[0]);
const emailsTo = (address: string, kind: string) =>
  withOrg(db(), org.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.toAddress, address), eq(emails.kind, kind))),
  );
const failedNotices = (invoiceId: string) =>
  withOrg(db(), org.orgId, (tx) =>
    tx.select().from(notifications).where(eq(notifications.type, "payment_failed")),
  ).then((rows) => rows.filter((r) => (r.data as Record<string, unknown>).invoiceId === invoiceId));
const activity = (invoiceId: string, action: string) =>
  withOrg(db(), org.orgId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.documentId, invoiceId), eq(auditEvents.action, action))),
  );
const chargeJobs = () =>
  withSystem(db(), (tx) => tx.select().from(jobs).where(eq(jobs.kind, AUTO_CHARGE_JOB)));

describe("invoice.auto_charge", () => {
  test("charges the saved card off-session for what is due and records the payment once", async () => {
    const { invoice, card, email } = await invoiceToCharge("Happy Payer");
    const before = fake.requestsTo("POST", "/v1/payment_intents").length;
    await enqueueCharge(invoice.id);
    await testJobRunner(ctx).drain();
    const sent = fake.requestsTo("POST", "/v1/payment_intents").slice(before);
    expect(sent).toHaveLength(1);
    const form = sent[0]?.body;
    expect(field(form, "off_session")).toBe("true");
    expect(field(form, "confirm")).toBe("true");
    expect(field(form, "amount")).toBe("12100");
    expect(field(form, "customer")).toBe(card.customer.id);
    expect(field(form, "payment_method")).toBe(card.method.id);
    expect(sent[0]?.headers["idempotency-key"]).toMatch(/auto-charge:/);
    expect((await invoiceRow(invoice.id))?.status).toBe("paid");
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect(await emailsTo(email, "payment_receipt")).toHaveLength(1);
    expect(await activity(invoice.id, "auto_charge_succeeded")).toHaveLength(1);

    // Stripe's webhook of the same PaymentIntent, and a second charge job of the invoice: nothing more.
    const intentId =
      fake.requestsTo("POST", "/v1/payment_intents").length && [...fake.state.intents.values()].at(-1)?.id;
    const evt = fake.event("payment_intent.succeeded", fake.state.intents.get(String(intentId)) as never);
    const { rawBody, headers } = fake.signed(evt);
    const hook = await ctx.app.inject({
      method: "POST",
      url: `/api/gateways/stripe/notify/${org.orgId}`,
      headers,
      payload: rawBody,
    });
    expect(hook.statusCode, hook.body).toBe(200);
    await enqueueCharge(invoice.id);
    await testJobRunner(ctx).drain();
    expect(fake.requestsTo("POST", "/v1/payment_intents").slice(before)).toHaveLength(1);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
  });

  for (const [outcome, words] of [
    [{ result: "card_declined", declineCode: "insufficient_funds" }, "the card was declined"],
    [{ result: "authentication_required" }, "3-D Secure"],
  ] as const)
    test(`${outcome.result}: the contact gets a link to pay on the portal, staff are told, no retry`, async () => {
      const { invoice, email } = await invoiceToCharge(`Refused ${outcome.result}`, { outcome });
      await enqueueCharge(invoice.id);
      await testJobRunner(ctx).drain();
      expect((await invoiceRow(invoice.id))?.status).toBe("issued");
      expect(await paymentsOf(invoice.id)).toEqual([]);
      const [mail, ...more] = await emailsTo(email, "auto_charge_failed");
      expect(more).toEqual([]);
      expect(mail?.subject).toMatch(/^We could not charge invoice .+ from Auto Charging$/);
      expect(mail?.textBody).toContain(words);
      expect(mail?.textBody).toContain("€121.00");
      expect(mail?.textBody).toMatch(/https:\/\/portico\.test\/p\/.+\/l\//);
      const [notice] = await failedNotices(invoice.id);
      expect((notice?.data as Record<string, unknown> | undefined)?.code).toBe(
        outcome.result === "card_declined" ? "insufficient_funds" : "authentication_required",
      );
      expect(await activity(invoice.id, "auto_charge_failed")).toHaveLength(1);
      const job = (await chargeJobs()).find(
        (j) => (j.payload as { invoiceId: string }).invoiceId === invoice.id,
      );
      expect(job).toMatchObject({ state: "done", attempts: 1 });
      await testJobRunner(ctx).drain();
      expect(await emailsTo(email, "auto_charge_failed")).toHaveLength(1);
    });

  test("no saved method: the contact and staff are told once", async () => {
    const { invoice, email } = await invoiceToCharge("Cardless", { saved: false });
    await enqueueCharge(invoice.id);
    await testJobRunner(ctx).drain();
    const [mail] = await emailsTo(email, "auto_charge_failed");
    expect(mail?.textBody).toContain("you have no saved payment method");
    expect(await failedNotices(invoice.id)).toHaveLength(1);
    expect(await paymentsOf(invoice.id)).toEqual([]);
  });

  test("nothing is charged for an invoice paid in full meanwhile", async () => {
    const { invoice } = await invoiceToCharge("Already Paid");
    const paid = await recordPayment(
      ctx,
      { cookie: org.cookie },
      {
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        amountMinor: invoice.totalMinor,
      },
    );
    expect(paid.statusCode, paid.body).toBe(201);
    const before = fake.requestsTo("POST", "/v1/payment_intents").length;
    await enqueueCharge(invoice.id);
    await testJobRunner(ctx).drain();
    expect(fake.requestsTo("POST", "/v1/payment_intents")).toHaveLength(before);
    // Only the transfer settles it: no online payment, and nobody is told a charge failed.
    expect((await invoiceRow(invoice.id))?.status).toBe("paid");
    expect(await paymentsOf(invoice.id)).toEqual([]);
    expect(await failedNotices(invoice.id)).toEqual([]);
  });

  test("nothing is charged for a void invoice", async () => {
    const { invoice } = await invoiceToCharge("Already Void");
    const v = await ctx.app.inject({
      method: "POST",
      url: `/api/invoices/${invoice.id}/void`,
      headers: { cookie: org.cookie },
    });
    expect(v.statusCode, v.body).toBe(200);
    const before = fake.requestsTo("POST", "/v1/payment_intents").length;
    await enqueueCharge(invoice.id);
    await testJobRunner(ctx).drain();
    expect(fake.requestsTo("POST", "/v1/payment_intents")).toHaveLength(before);
    expect(await failedNotices(invoice.id)).toEqual([]);
  });

  test("CP1004: the invoice of a deleted recurring profile is not charged; staff are told, the contact is not", async () => {
    const { invoice, email } = await invoiceToCharge("Deleted Profile");
    // What deleting its profile leaves on a recurring invoice: the occurrence, no profile (decision 037).
    await withOrg(db(), org.orgId, (tx) =>
      tx
        .update(invoices)
        .set({ recurringProfileId: null, recurringOccurrenceDate: invoice.issueDate as string })
        .where(eq(invoices.id, invoice.id)),
    );
    const before = fake.requestsTo("POST", "/v1/payment_intents").length;
    await enqueueCharge(invoice.id);
    await testJobRunner(ctx).drain();
    expect(fake.requestsTo("POST", "/v1/payment_intents")).toHaveLength(before);
    expect(await paymentsOf(invoice.id)).toEqual([]);
    expect(await emailsTo(email, "auto_charge_failed")).toEqual([]);
    const notices = await failedNotices(invoice.id);
    expect(notices.map((n) => (n.data as Record<string, unknown>).code)).toEqual(["CP1004"]);
  });

  test("an outage is retried with the same key, then counts as a failure: never retried forever", async () => {
    const passing = await invoiceToCharge("Outage Then Fine");
    const failing = await invoiceToCharge("Outage For Good");
    fake.setOutage({ kind: "error", status: 503 });
    await enqueueCharge(passing.invoice.id);
    const runner = testJobRunner(ctx);
    await runner.drain();
    fake.setOutage(null);
    clock.advanceClock(60 * 60_000);
    await runner.drain();
    expect((await invoiceRow(passing.invoice.id))?.status).toBe("paid");
    expect(await paymentsOf(passing.invoice.id)).toHaveLength(1);
    const tries = fake
      .requestsTo("POST", "/v1/payment_intents")
      .filter((r) => field(r.body, "payment_method") === passing.card.method.id);
    // At least the refused call and the one that went through, all with the job's one key.
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tries.map((r) => r.headers["idempotency-key"])).size).toBe(1);

    fake.setOutage({ kind: "error", status: 503 });
    await enqueueCharge(failing.invoice.id);
    for (let i = 0; i < AUTO_CHARGE_MAX_ATTEMPTS + 1; i++) {
      await runner.drain();
      clock.advanceClock(2 * 60 * 60_000);
    }
    const job = (await chargeJobs()).find(
      (j) => (j.payload as { invoiceId: string }).invoiceId === failing.invoice.id,
    );
    expect(job).toMatchObject({ state: "done", attempts: AUTO_CHARGE_MAX_ATTEMPTS });
    const [mail, ...more] = await emailsTo(failing.email, "auto_charge_failed");
    expect(more).toEqual([]);
    expect(mail?.textBody).toContain("the payment provider did not answer");
    expect(await failedNotices(failing.invoice.id)).toHaveLength(1);
  });
});
