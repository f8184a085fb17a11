import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { InvoiceDetail, InvoiceSummary, PaymentSummary } from "../../../shared/contracts/index.js";
import { daysFromToday, testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { ledgerApi } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;
let api: ReturnType<typeof ledgerApi>;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Ledger Properties");
  api = ledgerApi(ctx, org);
});
afterAll(() => ctx.close());

/**
 * Random steps a back office could take. Amounts and picks are fractions, resolved against the state when
 * the step runs, so most steps are valid and some ask for too much (and must be refused, changing nothing).
 */
type Step =
  | { op: "issue"; kind: "invoice" | "retainer" | "credit_note"; amountMinor: number }
  | { op: "pay"; amountMinor: number; spread: number[] }
  | { op: "refundPayment"; pick: number; share: number }
  | { op: "apply"; pick: number; target: number; share: number }
  | { op: "refundCredit"; pick: number; share: number };

const share = fc.double({ min: 0, max: 1.2, noNaN: true });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant("issue" as const),
    kind: fc.constantFrom(
      "invoice" as const,
      "invoice" as const,
      "retainer" as const,
      "credit_note" as const,
    ),
    amountMinor: fc.integer({ min: 1, max: 50_000 }),
  }),
  fc.record({
    op: fc.constant("pay" as const),
    amountMinor: fc.integer({ min: 1, max: 80_000 }),
    spread: fc.array(share, { maxLength: 3 }),
  }),
  fc.record({ op: fc.constant("refundPayment" as const), pick: fc.nat(), share }),
  fc.record({ op: fc.constant("apply" as const), pick: fc.nat(), target: fc.nat(), share }),
  fc.record({ op: fc.constant("refundCredit" as const), pick: fc.nat(), share }),
);

const at = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** Writes the back office accepted, across all runs: the property must have exercised the ledger. */
const accepted = { writes: 0 };
/** A step asking for too much is refused with one of these codes and changes nothing; anything else fails. */
const REFUSALS = ["ALLOCATION_EXCEEDS_DUE", "ALLOCATION_EXCEEDS_AVAILABLE", "REFUND_EXCEEDS_REFUNDABLE"];

async function write(method: "POST", url: string, payload: object): Promise<void> {
  const res = await api.call(method, url, payload);
  if (res.statusCode < 300) {
    accepted.writes += 1;
    return;
  }
  expect(res.statusCode, `${url}: ${res.body}`).toBe(422);
  expect(REFUSALS).toContain(res.json().code);
}

async function documents(customerId: string): Promise<InvoiceSummary[]> {
  return (await api.call("GET", `/api/invoices?customerId=${customerId}&limit=200`)).json().items;
}

/** The customer's open documents and credit sources, read when the step runs (the steps that pick one). */
async function openAndSources(customerId: string) {
  const docs = await documents(customerId);
  return {
    open: docs.filter((d) => d.kind !== "credit_note" && d.dueMinor > 0 && d.status !== "void"),
    sources: docs.filter((d) => d.kind !== "invoice" && d.status !== "draft"),
  };
}

async function run(customerId: string, s: Step): Promise<void> {
  switch (s.op) {
    case "issue": {
      await buildInvoice(ctx, org, customerId, {
        issue: true,
        kind: s.kind,
        lines: [{ description: s.kind, quantityMilli: 1000, unitPriceMinor: s.amountMinor, taxIds: [] }],
      });
      return;
    }
    case "pay": {
      const { open } = await openAndSources(customerId);
      const allocations = s.spread
        .map((f, i) => {
          const d = at(open, i);
          return d ? { invoiceId: d.id, amountMinor: Math.max(1, Math.round(d.dueMinor * f)) } : null;
        })
        .filter((a): a is { invoiceId: string; amountMinor: number } => a !== null)
        .filter((a, i, all) => all.findIndex((b) => b.invoiceId === a.invoiceId) === i);
      await write("POST", "/api/payments", {
        customerId,
        amountMinor: s.amountMinor,
        method: "cash",
        paidOn: daysFromToday(-1),
        allocations,
      });
      return;
    }
    case "refundPayment": {
      const payments: PaymentSummary[] = (
        await api.call("GET", `/api/payments?customerId=${customerId}&limit=200`)
      ).json().items;
      const p = at(payments, s.pick);
      if (!p) return;
      const detail = await api.payment(p.id);
      const amountMinor = Math.max(1, Math.round(detail.refundableMinor * s.share));
      await write("POST", `/api/payments/${p.id}/refunds`, {
        amountMinor,
        expectedRefundedMinor: detail.refundedMinor,
        method: "transfer",
        refundedOn: testToday(),
      });
      return;
    }
    case "apply": {
      const { open, sources } = await openAndSources(customerId);
      const src = at(sources, s.pick);
      const target = at(
        open.filter((d) => d.kind === "invoice"),
        s.target,
      );
      if (!src || !target) return;
      const amountMinor = Math.max(1, Math.round(Math.min(src.availableMinor, target.dueMinor) * s.share));
      await write("POST", `/api/invoices/${src.id}/apply`, {
        allocations: [{ invoiceId: target.id, amountMinor }],
      });
      return;
    }
    case "refundCredit": {
      const { sources } = await openAndSources(customerId);
      const src = at(sources, s.pick);
      if (!src) return;
      const detail: InvoiceDetail = await api.invoice(src.id);
      const refunded = detail.refunds.reduce((t, r) => t + r.amountMinor, 0);
      await write("POST", `/api/invoices/${src.id}/refunds`, {
        amountMinor: Math.max(1, Math.round(src.availableMinor * s.share)),
        expectedRefundedMinor: refunded,
        method: "transfer",
        refundedOn: testToday(),
      });
      return;
    }
  }
}

const sum = <T>(list: T[], f: (x: T) => number) => list.reduce((t, x) => t + f(x), 0);

test("balances and allocations stay within bounds and equal the document sums, whatever the sequence", async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
      const customer = await buildCustomer(ctx, org, `Property ${++n}`);
      for (const s of steps) await run(customer.id, s);

      const docs = await documents(customer.id);
      const details = await Promise.all(docs.map((d) => api.invoice(d.id)));
      const payments: PaymentSummary[] = (
        await api.call("GET", `/api/payments?customerId=${customer.id}&limit=200`)
      ).json().items;
      const paymentDetails = await Promise.all(payments.map((p) => api.payment(p.id)));
      const [balance] = await api.balances(customer.id);

      for (const d of details) {
        // Allocations never exceed amounts; nothing goes negative.
        expect(d.paidMinor).toBeGreaterThanOrEqual(0);
        expect(d.paidMinor).toBeLessThanOrEqual(d.totalMinor);
        expect(d.availableMinor).toBeGreaterThanOrEqual(0);
        expect(sum(d.allocations, (a) => a.amountMinor)).toBe(d.paidMinor);
        for (const a of [...d.allocations, ...d.appliedTo]) expect(a.amountMinor).toBeGreaterThan(0);
        if (d.kind === "credit_note") {
          expect(d.paidMinor).toBe(0);
          const used = sum(d.appliedTo, (a) => a.amountMinor) + sum(d.refunds, (r) => r.amountMinor);
          expect(d.totalMinor - used).toBe(d.availableMinor);
          expect(d.status).toBe(d.availableMinor === 0 ? "closed" : "issued");
        } else {
          // Status follows from the figures (A5), never set by hand.
          const expected =
            d.paidMinor === 0 ? "issued" : d.paidMinor >= d.totalMinor ? "paid" : "partially_paid";
          expect(d.status).toBe(expected);
        }
        if (d.kind === "retainer") {
          const used = sum(d.appliedTo, (a) => a.amountMinor) + sum(d.refunds, (r) => r.amountMinor);
          expect(d.paidMinor - used).toBe(d.availableMinor);
        }
      }
      for (const p of paymentDetails) {
        expect(p.allocatedMinor + p.refundedMinor + p.unappliedMinor).toBe(p.amountMinor);
        expect(p.unappliedMinor).toBeGreaterThanOrEqual(0);
        expect(p.refundedMinor).toBeLessThanOrEqual(p.amountMinor);
        for (const a of p.allocations) expect(a.amountMinor).toBeGreaterThan(0);
      }

      const invoices = details.filter((d) => d.kind === "invoice");
      const credits = details.filter((d) => d.kind === "credit_note");
      const retainers = details.filter((d) => d.kind === "retainer");
      // The home figures equal the document sums…
      expect(balance).toMatchObject({
        outstandingMinor: sum(invoices, (d) => d.dueMinor),
        openInvoiceCount: invoices.filter((d) => d.dueMinor > 0).length,
        creditsMinor: sum(credits, (d) => d.availableMinor) + sum(payments, (p) => p.unappliedMinor),
        retainerOutstandingMinor: sum(retainers, (d) => d.dueMinor),
        retainerBalanceMinor: sum(retainers, (d) => d.availableMinor),
      });
      // …and the balance is the statement's: invoices − credit notes − payments + refunds.
      const refunds =
        sum(paymentDetails, (p) => p.refundedMinor) +
        sum([...credits, ...retainers], (d) => sum(d.refunds, (r) => r.amountMinor));
      expect(balance?.balanceMinor).toBe(
        sum(invoices, (d) => d.totalMinor) -
          sum(credits, (d) => d.totalMinor) -
          sum(payments, (p) => p.amountMinor) +
          refunds,
      );
    }),
    { numRuns: 15 },
  );
  // About 40 writes are accepted in a typical run; the sequences are random, and one CI run saw 19, so the
  // bound only proves the ledger was exercised at all (printed to see the figure in the log).
  console.log(`ledger property: ${accepted.writes} writes accepted`);
  expect(accepted.writes).toBeGreaterThanOrEqual(10);
}, 240_000);
