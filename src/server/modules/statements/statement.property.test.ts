import fc from "fast-check";
import { expect, test } from "vitest";
import type {
  CustomerBalance,
  InvoiceDetail,
  PaymentDetail,
  Statement,
  StatementLine,
} from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import { buildCustomer } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { addRunningBalance } from "./running-balance.js";
import { ledgerApi, orgToday } from "./test-support.js";

const { ctx, org } = setUpTestApp("Statement Property Org");
const api = ledgerApi(ctx, org);
const today = orgToday();

const amount = fc.integer({ min: 1, max: 50_000 });
const share = fc.double({ min: 0, max: 1, noNaN: true });
const pick = fc.nat({ max: 20 });
const daysAgo = fc.integer({ min: 0, max: 60 });

/** What a staff user might do next; each picks its target among what exists and skips when nothing fits. */
const action = fc.oneof(
  fc.record({ t: fc.constant("invoice" as const), amount }),
  fc.record({ t: fc.constant("credit_note" as const), amount, corrects: fc.boolean() }),
  fc.record({ t: fc.constant("retainer" as const), amount, paid: fc.boolean(), daysAgo }),
  fc.record({ t: fc.constant("payment" as const), amount, daysAgo, pick, share }),
  fc.record({ t: fc.constant("refund_payment" as const), pick, share, daysAgo }),
  fc.record({ t: fc.constant("apply_credit" as const), pick, share }),
  fc.record({ t: fc.constant("refund_credit" as const), pick, share }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

const part = (max: number, s: number) => Math.max(1, Math.min(max, Math.round(max * s)));
const nth = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

/** Plays the actions through the API; returns the signed sum of every movement it made. */
async function play(customerId: string, actions: Action[]): Promise<number> {
  const invoices: InvoiceDetail[] = [];
  const credits: InvoiceDetail[] = [];
  const payments: PaymentDetail[] = [];
  let movements = 0;
  const fresh = (d: InvoiceDetail) => api.call<InvoiceDetail>("GET", `/api/invoices/${d.id}`);
  const openInvoice = async (i: number) => {
    const candidates = (await Promise.all(invoices.map(fresh))).filter((d) => d.dueMinor > 0);
    return nth(candidates, i);
  };
  for (const a of actions) {
    switch (a.t) {
      case "invoice":
        invoices.push(await api.document(customerId, a.amount));
        movements += a.amount;
        break;
      case "credit_note": {
        const corrects = a.corrects ? invoices[0]?.id : undefined;
        credits.push(
          await api.document(customerId, a.amount, { kind: "credit_note", correctsInvoiceId: corrects }),
        );
        movements -= a.amount;
        break;
      }
      case "retainer": {
        const r = await api.document(customerId, a.amount, { kind: "retainer" });
        if (a.paid) {
          await api.payment(customerId, a.amount, addDays(today, -a.daysAgo), [
            { invoiceId: r.id, amountMinor: a.amount },
          ]);
          movements -= a.amount;
        }
        break;
      }
      case "payment": {
        const target = await openInvoice(a.pick);
        const allocated = target ? Math.min(a.amount, part(target.dueMinor, a.share)) : 0;
        const allocations = target ? [{ invoiceId: target.id, amountMinor: allocated }] : [];
        payments.push(await api.payment(customerId, a.amount, addDays(today, -a.daysAgo), allocations));
        movements -= a.amount;
        break;
      }
      case "refund_payment": {
        const p = nth(payments, a.pick);
        if (!p) break;
        const current = await api.call<PaymentDetail>("GET", `/api/payments/${p.id}`);
        if (current.refundableMinor <= 0) break;
        const refund = part(current.refundableMinor, a.share);
        await api.refundPayment(current, refund, addDays(today, -Math.min(a.daysAgo, 10)));
        movements += refund;
        break;
      }
      case "apply_credit": {
        const c = nth(credits, a.pick);
        const target = await openInvoice(a.pick);
        if (!c || !target) break;
        const available = (await fresh(c)).availableMinor;
        if (available <= 0) break;
        const applied = Math.min(part(available, a.share), target.dueMinor);
        await api.call("POST", `/api/invoices/${c.id}/apply`, {
          allocations: [{ invoiceId: target.id, amountMinor: applied }],
        });
        break;
      }
      case "refund_credit": {
        const c = nth(credits, a.pick);
        if (!c) break;
        const current = await fresh(c);
        if (current.availableMinor <= 0) break;
        const refund = part(current.availableMinor, a.share);
        await api.call("POST", `/api/invoices/${c.id}/refunds`, {
          amountMinor: refund,
          method: "transfer",
          refundedOn: today,
          expectedRefundedMinor: current.refunds.reduce((s, r) => s + r.amountMinor, 0),
        });
        movements += refund;
        break;
      }
    }
  }
  return movements;
}

function expectRunningBalances(s: Statement): void {
  let previous = s.openingBalanceMinor;
  for (const line of s.lines) {
    expect(line.balanceMinor).toBe(previous + line.amountMinor);
    previous = line.balanceMinor;
  }
  expect(s.closingBalanceMinor).toBe(previous);
  expect(s.closingBalanceMinor).toBe(s.openingBalanceMinor + s.lines.reduce((t, l) => t + l.amountMinor, 0));
}

const sum = (lines: StatementLine[]) => lines.reduce((t, l) => t + l.amountMinor, 0);

test("over random ledgers: closing = opening + movements, each balance = previous + movement, and over all history the closing balance is the customer's balance", async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), daysAgo, async (actions, splitAgo) => {
      const customer = await buildCustomer(ctx, org, `Property ${run++}`);
      const movements = await play(customer.id, actions);
      const all = await api.statement(customer.id, `?from=${addDays(today, -3000)}&to=${addDays(today, 1)}`);
      expect(all.openingBalanceMinor).toBe(0);
      expectRunningBalances(all);
      expect(all.closingBalanceMinor).toBe(movements);
      const [balance] = await api.call<CustomerBalance[]>("GET", `/api/customers/${customer.id}/balances`);
      expect(all.closingBalanceMinor).toBe(balance?.balanceMinor);

      // Any period: it opens with everything before it and closes where the whole history does.
      const from = addDays(today, -splitAgo);
      const part = await api.statement(customer.id, `?from=${from}&to=${addDays(today, 1)}`);
      expect(part.openingBalanceMinor).toBe(sum(all.lines.filter((l) => l.date < from)));
      expect(part.lines).toEqual(all.lines.filter((l) => l.date >= from));
      expectRunningBalances(part);
      expect(part.closingBalanceMinor).toBe(all.closingBalanceMinor);
    }),
    // Each run writes through the API; a failure is reported as found (shrinking would replay it all).
    { numRuns: 12, endOnFailure: true },
  );
}, 240_000);

test("the running balance walks any batches the same as one pass", () => {
  const movement = fc.record({
    id: fc.uuid(),
    type: fc.constantFrom("invoice", "credit_note", "payment", "refund") as fc.Arbitrary<
      StatementLine["type"]
    >,
    date: fc.constant(today),
    createdKey: fc.constant(""),
    number: fc.constant(null),
    dueDate: fc.constant(null),
    correctsNumber: fc.constant(null),
    method: fc.constant(null),
    reference: fc.constant(null),
    amountMinor: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  });
  fc.assert(
    fc.property(
      fc.array(movement, { maxLength: 60 }),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.integer({ min: 1, max: 7 }),
      (list, opening, size) => {
        const whole = addRunningBalance(list, opening);
        let balance = opening;
        const batched: StatementLine[] = [];
        for (let i = 0; i < list.length; i += size) {
          const step = addRunningBalance(list.slice(i, i + size), balance);
          batched.push(...step.lines);
          balance = step.balanceMinor;
        }
        expect(batched).toEqual(whole.lines);
        expect(balance).toBe(opening + list.reduce((t, m) => t + m.amountMinor, 0));
        whole.lines.forEach((l, i) => {
          expect(l.balanceMinor).toBe(
            (i ? (whole.lines[i - 1]?.balanceMinor ?? 0) : opening) + l.amountMinor,
          );
        });
      },
    ),
  );
});
