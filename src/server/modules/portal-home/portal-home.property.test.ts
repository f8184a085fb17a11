import fc from "fast-check";
import { expect, test } from "vitest";
import type {
  CustomerBalance,
  PortalHome,
  PurchaseHistory,
  Statement,
} from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildOrg, type TestOrg } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import {
  figuresFromDocuments,
  listAll,
  makeDocument,
  onDay,
  portalGet,
  recordPayment,
  signInPrimary,
  staffCall,
} from "./test-support.js";

/**
 * E1 acceptance: over random sequences of invoices, retainers, credit notes, payments, credit applied (by
 * staff, or by the contact with "apply my credit"), refunds and voids (all through the API), every home
 * figure equals both an independent model of the documents and the sums of what the contact can list.
 * Decision 017: the home's outstanding is the sum of the list's due column and the statement's aging
 * total, and the statement's closing balance is that outstanding less the home's available credit.
 */

const { ctx } = setUpTestApp("Property Org");
/** The organisation of the current run (each run starts one). */
let org: TestOrg;
const today = testToday();

const amount = fc.integer({ min: 1, max: 50_000 });
const pick = fc.nat({ max: 50 });
const op = fc.oneof(
  fc.record({ t: fc.constant("invoice" as const), amount, overdue: fc.boolean() }),
  fc.record({ t: fc.constant("retainer" as const), amount }),
  fc.record({ t: fc.constant("credit" as const), amount }),
  fc.record({ t: fc.constant("pay" as const), amount, target: fc.option(pick, { nil: undefined }) }),
  fc.record({ t: fc.constant("apply" as const), source: pick, target: pick }),
  fc.record({ t: fc.constant("refundPayment" as const), payment: pick, amount }),
  fc.record({ t: fc.constant("refundCredit" as const), source: pick, amount }),
  fc.record({ t: fc.constant("void" as const), target: pick }),
  // Weighted up: it only does something once credit and an open invoice both exist.
  { arbitrary: fc.record({ t: fc.constant("portalApply" as const) }), weight: 3 },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

interface Doc {
  id: string;
  kind: "invoice" | "retainer" | "credit_note";
  total: number;
  paid: number;
  used: number;
  voided: boolean;
  overdue: boolean;
  touched: boolean;
}
interface Payment {
  id: string;
  amount: number;
  allocated: number;
  refunded: number;
}

const dueOf = (d: Doc) => Math.max(0, d.total - d.paid);
const availableOf = (d: Doc) => (d.kind === "credit_note" ? d.total : d.paid) - d.used;
const nth = <T>(xs: T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

let runs = 0;
async function run(generated: Op[], applyAtEnd: boolean): Promise<void> {
  // Issuing keeps an invoice's date and refuses one before the last issued invoice of the series
  // (correlative numbering), so each run has its own organisation and makes its overdue invoices (dated
  // 45 days ago) before the others.
  org = await buildOrg(ctx, `Property Org ${++runs}`);
  const isOverdueInvoice = (o: Op) => o.t === "invoice" && o.overdue;
  const ops = [...generated.filter(isOverdueInvoice), ...generated.filter((o) => !isOverdueInvoice(o))];
  const call = staffCall(ctx, org);
  const customer = await buildCustomer(ctx, org, "Random");
  const docs: Doc[] = [];
  const payments: Payment[] = [];
  const live = () => docs.filter((d) => !d.voided);
  let cookie: string | undefined;
  const contactCookie = async () => {
    cookie ??= await signInPrimary(ctx, org, customer);
    return cookie;
  };
  const refund = { method: "transfer", refundedOn: today };
  /**
   * The contact applies all its credit: sources (all dated today) by id, onto open invoices by due date
   * (the overdue ones first) then id, as the server pairs them.
   */
  const portalApply = async (c: string) => {
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const targets = live()
      .filter((d) => d.kind === "invoice" && dueOf(d) > 0)
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || byId(a, b));
    const sources = [
      ...payments
        .filter((p) => p.amount - p.allocated - p.refunded > 0)
        .map((p) => ({
          id: p.id,
          left: () => p.amount - p.allocated - p.refunded,
          use: (n: number) => {
            p.allocated += n;
          },
        })),
      ...live()
        .filter((d) => d.kind !== "invoice" && availableOf(d) > 0)
        .map((d) => ({
          id: d.id,
          left: () => availableOf(d),
          use: (n: number) => {
            d.used += n;
          },
        })),
    ].sort(byId);
    const credit = sum(sources.map((x) => x.left()));
    const outstanding = sum(targets.map(dueOf));
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/apply-credit`,
      headers: { cookie: c },
      payload: { currency: "EUR", expectedCreditMinor: credit, expectedOutstandingMinor: outstanding },
    });
    if (credit === 0 || outstanding === 0) {
      expect([res.statusCode, res.json().code]).toEqual([409, "NO_CREDIT_TO_APPLY"]);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    for (const source of sources)
      for (const t of targets) {
        const n = Math.min(source.left(), dueOf(t));
        if (n <= 0) continue;
        source.use(n);
        t.paid += n;
        t.touched = true;
      }
    expect(res.json().appliedMinor).toBe(Math.min(credit, outstanding));
  };
  for (const o of ops) {
    if (o.t === "invoice" || o.t === "retainer" || o.t === "credit") {
      const kind = o.t === "credit" ? "credit_note" : o.t;
      const overdue = o.t === "invoice" && o.overdue;
      const make = () => makeDocument(ctx, org, customer.id, { kind, amountMinor: o.amount });
      // An overdue invoice was issued 45 days ago with the customer's 30 days of terms.
      const created = overdue ? await onDay(ctx, org, addDays(today, -45), make) : await make();
      docs.push({
        id: created.id,
        kind,
        total: o.amount,
        paid: 0,
        used: 0,
        voided: false,
        overdue,
        touched: false,
      });
    } else if (o.t === "pay") {
      const open = live().filter((d) => d.kind !== "credit_note" && dueOf(d) > 0);
      const target = o.target === undefined ? undefined : nth(open, o.target);
      const allocated = target ? Math.min(o.amount, dueOf(target)) : 0;
      const p = await recordPayment(
        ctx,
        org,
        customer.id,
        o.amount,
        today,
        target ? [{ invoiceId: target.id, amountMinor: allocated }] : [],
      );
      if (target) {
        target.paid += allocated;
        target.touched = true;
      }
      payments.push({ id: p.id, amount: o.amount, allocated, refunded: 0 });
    } else if (o.t === "apply") {
      const source = nth(
        live().filter((d) => d.kind !== "invoice" && availableOf(d) > 0),
        o.source,
      );
      const target = nth(
        live().filter((d) => d.kind === "invoice" && dueOf(d) > 0),
        o.target,
      );
      if (!source || !target) continue;
      const n = Math.min(availableOf(source), dueOf(target));
      await call("POST", `/api/invoices/${source.id}/apply`, {
        allocations: [{ invoiceId: target.id, amountMinor: n }],
      });
      source.used += n;
      target.paid += n;
      target.touched = true;
    } else if (o.t === "refundPayment") {
      // Only the unapplied part: taking money back off invoices is covered by the example test.
      const p = nth(
        payments.filter((x) => x.amount - x.allocated - x.refunded > 0),
        o.payment,
      );
      if (!p) continue;
      const n = Math.min(o.amount, p.amount - p.allocated - p.refunded);
      await call("POST", `/api/payments/${p.id}/refunds`, {
        ...refund,
        amountMinor: n,
        expectedRefundedMinor: p.refunded,
      });
      p.refunded += n;
    } else if (o.t === "refundCredit") {
      const source = nth(
        live().filter((d) => d.kind !== "invoice" && availableOf(d) > 0),
        o.source,
      );
      if (!source) continue;
      const n = Math.min(o.amount, availableOf(source));
      const before = (await call<{ refunds: { amountMinor: number }[] }>("GET", `/api/invoices/${source.id}`))
        .refunds;
      await call("POST", `/api/invoices/${source.id}/refunds`, {
        ...refund,
        amountMinor: n,
        expectedRefundedMinor: before.reduce((a, r) => a + r.amountMinor, 0),
      });
      source.used += n;
    } else if (o.t === "void") {
      const target = nth(
        live().filter((d) => d.kind === "invoice" && !d.touched),
        o.target,
      );
      if (!target) continue;
      await call("POST", `/api/invoices/${target.id}/void`, {});
      target.voided = true;
    } else if (o.t === "portalApply") {
      await portalApply(await contactCookie());
    }
  }
  // Credit and an open invoice rarely coexist early in a sequence; the end is where "apply" bites.
  if (applyAtEnd) await portalApply(await contactCookie());

  const open = (kind: Doc["kind"]) => live().filter((d) => d.kind === kind && dueOf(d) > 0);
  const outstandingMinor = sum(open("invoice").map(dueOf));
  const creditsMinor =
    sum(
      live()
        .filter((d) => d.kind === "credit_note")
        .map(availableOf),
    ) + sum(payments.map((p) => p.amount - p.allocated - p.refunded));
  const retainerBalanceMinor = sum(
    live()
      .filter((d) => d.kind === "retainer")
      .map(availableOf),
  );
  const model: CustomerBalance = {
    currency: "EUR",
    outstandingMinor,
    overdueMinor: sum(
      open("invoice")
        .filter((d) => d.overdue)
        .map(dueOf),
    ),
    openInvoiceCount: open("invoice").length,
    creditsMinor,
    retainerOutstandingMinor: sum(open("retainer").map(dueOf)),
    openRetainerCount: open("retainer").length,
    retainerBalanceMinor,
    balanceMinor: outstandingMinor - creditsMinor - retainerBalanceMinor,
  };

  const c = await contactCookie();
  const home = (await portalGet(ctx, org, c, "/home")).json() as PortalHome;
  expect(home.balances).toEqual([model]);
  expect(home.balances[0]).toEqual(await figuresFromDocuments(ctx, org, c, customer.id, "EUR"));
  // Decision 017: one outstanding, one balance, wherever they are read.
  const figures = home.balances[0] as CustomerBalance;
  const listed = await listAll(ctx, org, c, { kind: "invoice" });
  expect(sum(listed.filter((d) => d.status !== "void").map((d) => d.dueMinor))).toBe(
    figures.outstandingMinor,
  );
  const statementRes = await portalGet(ctx, org, c, `/statement?from=${addDays(today, -60)}&to=${today}`);
  expect(statementRes.statusCode, statementRes.body).toBe(200);
  const statement = statementRes.json() as Statement;
  const credit = figures.creditsMinor + figures.retainerBalanceMinor;
  expect(statement.aging.totalMinor).toBe(figures.outstandingMinor);
  expect(statement.closingBalanceMinor).toBe(figures.outstandingMinor - credit);
  expect(statement.reconciliation).toEqual({
    invoicesDueMinor: figures.outstandingMinor,
    creditAvailableMinor: credit,
    balanceMinor: figures.balanceMinor,
  });
  const last = payments.at(-1);
  expect(home.lastPayment?.amountMinor ?? null).toBe(last?.amount ?? null);
  // E2 over the same documents: the history's pending is what is outstanding, its total what was invoiced.
  const history = (await portalGet(ctx, org, c, "/purchase-history")).json() as PurchaseHistory;
  const invoiced = live().filter((d) => d.kind === "invoice");
  expect(history.totals).toEqual({
    invoicedMinor: sum(invoiced.map((d) => d.total)),
    paidMinor: sum(invoiced.map((d) => d.total - dueOf(d))),
    pendingMinor: outstandingMinor,
    invoiceCount: invoiced.length,
  });
}

test("every home figure equals the document sums, over random sequences", { timeout: 600_000 }, async () => {
  await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), fc.boolean(), run), {
    numRuns: 15,
    endOnFailure: true,
  });
});
