import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { yearOf } from "../../../shared/dates.js";
import { testToday } from "../../test/dates.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  TEST_RECTIFICATION,
  type TestOrg,
} from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { ledgerApi } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;
let api: ReturnType<typeof ledgerApi>;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Ledger Org");
  api = ledgerApi(ctx, org);
});
afterAll(() => ctx.close());

/** An issued document of one tax-free line, so its total is the amount given. */
const issued = (
  customerId: string,
  amountMinor: number,
  kind: "invoice" | "retainer" | "credit_note" = "invoice",
  more = {},
) =>
  buildInvoice(ctx, org, customerId, {
    issue: true,
    kind,
    ...more,
    lines: [{ description: `${kind} work`, quantityMilli: 1000, unitPriceMinor: amountMinor, taxIds: [] }],
  });

const paymentBody = (
  customerId: string,
  amountMinor: number,
  allocations: { invoiceId: string; amountMinor: number }[],
) => ({
  customerId,
  amountMinor,
  method: "transfer" as const,
  paidOn: testToday(),
  reference: "TRF-1",
  allocations,
});

describe("offline payments (A10)", () => {
  test("one payment pays two invoices; what is left stays as the customer's credit", async () => {
    const c = await buildCustomer(ctx, org, "Two Invoices");
    const a = await issued(c.id, 10000);
    const b = await issued(c.id, 5000);
    const p = await api.recordPayment(
      paymentBody(c.id, 20000, [
        { invoiceId: a.id, amountMinor: 10000 },
        { invoiceId: b.id, amountMinor: 3000 },
      ]),
    );
    expect(p.number).toMatch(new RegExp(`^RC${yearOf(p.paidOn)}-\\d{4}$`));
    expect(p).toMatchObject({
      allocatedMinor: 13000,
      unappliedMinor: 7000,
      refundedMinor: 0,
      paidInvoices: true,
    });
    expect(p.allocations.map((x) => [x.invoiceNumber, x.amountMinor])).toEqual([
      [a.number, 10000],
      [b.number, 3000],
    ]);
    expect(await api.invoice(a.id)).toMatchObject({ status: "paid", dueMinor: 0, paidMinor: 10000 });
    expect(await api.invoice(b.id)).toMatchObject({ status: "partially_paid", dueMinor: 2000 });
    const [eur] = await api.balances(c.id);
    expect(eur).toMatchObject({
      currency: "EUR",
      outstandingMinor: 2000,
      creditsMinor: 7000,
      balanceMinor: -5000,
    });
    // The unapplied 70.00 pays the rest of B later.
    const applied = await api.applyPayment(p.id, [{ invoiceId: b.id, amountMinor: 2000 }]);
    expect(applied.unappliedMinor).toBe(5000);
    expect(await api.invoice(b.id)).toMatchObject({ status: "paid" });
  });

  test("bad allocations are refused with a code and record nothing", async () => {
    const c = await buildCustomer(ctx, org, "Bad Allocations");
    const other = await buildCustomer(ctx, org, "Someone Else");
    const a = await issued(c.id, 10000);
    const foreign = await issued(other.id, 10000);
    const draft = await buildInvoice(ctx, org, c.id);
    const cases: [object, number, string][] = [
      [paymentBody(c.id, 20000, [{ invoiceId: a.id, amountMinor: 10001 }]), 422, "ALLOCATION_EXCEEDS_DUE"],
      [
        paymentBody(c.id, 5000, [{ invoiceId: a.id, amountMinor: 6000 }]),
        422,
        "ALLOCATION_EXCEEDS_AVAILABLE",
      ],
      [
        paymentBody(c.id, 5000, [{ invoiceId: foreign.id, amountMinor: 100 }]),
        422,
        "ALLOCATION_TARGET_INVALID",
      ],
      [
        paymentBody(c.id, 5000, [{ invoiceId: draft.id, amountMinor: 100 }]),
        422,
        "ALLOCATION_TARGET_INVALID",
      ],
      [paymentBody(c.id, 0, []), 400, "VALIDATION_FAILED"],
      [{ ...paymentBody(c.id, 100, []), method: "gateway" }, 400, "VALIDATION_FAILED"],
    ];
    for (const [body, status, code] of cases) {
      const res = await api.call("POST", "/api/payments", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe(code);
    }
    expect(await api.invoice(a.id)).toMatchObject({ status: "issued", paidMinor: 0 });
    const list = await api.call("GET", `/api/payments?customerId=${c.id}`);
    expect(list.json().items).toEqual([]);
  });

  test("refunds: newest allocation first, the expected-state check stops a repeat, never more than paid", async () => {
    const c = await buildCustomer(ctx, org, "Refunds");
    const a = await issued(c.id, 6000);
    const b = await issued(c.id, 4000);
    const p = await api.recordPayment(
      paymentBody(c.id, 11000, [
        { invoiceId: a.id, amountMinor: 6000 },
        { invoiceId: b.id, amountMinor: 4000 },
      ]),
    );
    // 10.00 unapplied goes back first, then 15.00 comes off the last allocation (B).
    const once = await api.refundPayment(p.id, 2500, 0);
    expect(once).toMatchObject({ refundedMinor: 2500, unappliedMinor: 0, allocatedMinor: 8500 });
    expect(await api.invoice(b.id)).toMatchObject({ status: "partially_paid", dueMinor: 1500 });
    expect(await api.invoice(a.id)).toMatchObject({ status: "paid" });
    // The same partial refund submitted again carries the old expected state: refused, nothing recorded.
    const again = await api.call("POST", `/api/payments/${p.id}/refunds`, {
      amountMinor: 2500,
      expectedRefundedMinor: 0,
      method: "transfer",
      refundedOn: testToday(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("STALE_STATE");
    const tooMuch = await api.call("POST", `/api/payments/${p.id}/refunds`, {
      amountMinor: 8501,
      expectedRefundedMinor: 2500,
      method: "transfer",
      refundedOn: testToday(),
    });
    expect(tooMuch.json().code).toBe("REFUND_EXCEEDS_REFUNDABLE");
    const all = await api.refundPayment(p.id, 8500, 2500);
    expect(all).toMatchObject({ refundedMinor: 11000, allocatedMinor: 0, refundableMinor: 0 });
    expect(await api.invoice(a.id)).toMatchObject({ status: "issued", dueMinor: 6000 });
    expect(all.refunds.map((r) => r.amountMinor)).toEqual([2500, 8500]);
  });

  test("an invoice with payments cannot be voided; status is never taken from the request", async () => {
    const c = await buildCustomer(ctx, org, "Void");
    const a = await issued(c.id, 5000);
    await api.recordPayment(paymentBody(c.id, 1000, [{ invoiceId: a.id, amountMinor: 1000 }]));
    const res = await api.voidInvoice(a.id);
    expect(res.json().code).toBe("INVOICE_HAS_PAYMENTS");
  });
});

test("the open documents a payment can go to: issued invoices and retainers that owe, oldest due first", async () => {
  const c = await buildCustomer(ctx, org, "Open Documents");
  const paid = await issued(c.id, 1000);
  await api.recordPayment(paymentBody(c.id, 1000, [{ invoiceId: paid.id, amountMinor: 1000 }]));
  const owing = await issued(c.id, 2000);
  const retainer = await issued(c.id, 3000, "retainer");
  await issued(c.id, 500, "credit_note");
  await buildInvoice(ctx, org, c.id);
  const res = await api.call("GET", `/api/invoices?customerId=${c.id}&open=true`);
  expect(res.statusCode).toBe(200);
  expect((res.json().items as { id: string }[]).map((d) => d.id).sort()).toEqual(
    [owing.id, retainer.id].sort(),
  );
  expect((await api.call("GET", `/api/invoices?customerId=${c.id}&open=maybe`)).statusCode).toBe(400);
});

describe("credit notes (A8)", () => {
  test("numbered from their own series, linked to the invoice they correct, applied and refunded", async () => {
    const c = await buildCustomer(ctx, org, "Credits");
    const a = await issued(c.id, 10000);
    const cn = await issued(c.id, 3000, "credit_note", { correctsInvoiceId: a.id });
    expect(cn.number).toMatch(new RegExp(`^R${yearOf(cn.issueDate)}-\\d{4}$`));
    expect(cn).toMatchObject({
      kind: "credit_note",
      correctsInvoiceNumber: a.number,
      availableMinor: 3000,
      dueMinor: 0,
    });
    expect((await api.balances(c.id))[0]).toMatchObject({
      outstandingMinor: 10000,
      creditsMinor: 3000,
      balanceMinor: 7000,
    });
    const after = await api.applyCredit(cn.id, [{ invoiceId: a.id, amountMinor: 2000 }]);
    expect(after).toMatchObject({ availableMinor: 1000, status: "issued" });
    expect(after.appliedTo.map((x) => [x.invoiceNumber, x.amountMinor])).toEqual([[a.number, 2000]]);
    const inv = await api.invoice(a.id);
    expect(inv).toMatchObject({ status: "partially_paid", dueMinor: 8000 });
    expect(inv.allocations[0]).toMatchObject({ sourceType: "credit_note", sourceNumber: cn.number });
    const stale = await api.call("POST", `/api/invoices/${cn.id}/refunds`, {
      amountMinor: 1000,
      expectedRefundedMinor: 500,
      method: "transfer",
      refundedOn: testToday(),
    });
    expect(stale.json().code).toBe("STALE_STATE");
    const closed = await api.refundCredit(cn.id, 1000, 0);
    expect(closed).toMatchObject({ status: "closed", availableMinor: 0 });
    expect((await api.voidInvoice(cn.id)).json().code).toBe("INVOICE_HAS_CREDIT_USED");
    expect((await api.balances(c.id))[0]).toMatchObject({
      outstandingMinor: 8000,
      creditsMinor: 0,
      balanceMinor: 8000,
    });
  });

  test("a credit note cannot be paid, nor applied beyond its credit or to another customer", async () => {
    const c = await buildCustomer(ctx, org, "Credit Limits");
    const other = await buildCustomer(ctx, org, "Credit Other");
    const a = await issued(c.id, 10000);
    const foreign = await issued(other.id, 10000);
    const cn = await issued(c.id, 3000, "credit_note");
    const pay = await api.call(
      "POST",
      "/api/payments",
      paymentBody(c.id, 100, [{ invoiceId: cn.id, amountMinor: 100 }]),
    );
    expect(pay.json().code).toBe("ALLOCATION_TARGET_INVALID");
    const over = await api.call("POST", `/api/invoices/${cn.id}/apply`, {
      allocations: [{ invoiceId: a.id, amountMinor: 3001 }],
    });
    expect(over.json().code).toBe("ALLOCATION_EXCEEDS_AVAILABLE");
    const cross = await api.call("POST", `/api/invoices/${cn.id}/apply`, {
      allocations: [{ invoiceId: foreign.id, amountMinor: 100 }],
    });
    expect(cross.json().code).toBe("ALLOCATION_TARGET_INVALID");
    const notSource = await api.call("POST", `/api/invoices/${a.id}/apply`, {
      allocations: [{ invoiceId: a.id, amountMinor: 1 }],
    });
    expect(notSource.statusCode).toBeGreaterThanOrEqual(400);
    const wrongCorrect = await api.call("POST", "/api/invoices", {
      customerId: c.id,
      kind: "credit_note",
      correctsInvoiceId: foreign.id,
      rectification: TEST_RECTIFICATION,
      lines: [{ description: "x", quantityMilli: 1000, unitPriceMinor: 100 }],
    });
    expect(wrongCorrect.statusCode).toBe(400);
    expect(wrongCorrect.json().errors[0].field).toBe("body.correctsInvoiceId");
  });
});

describe("retainer invoices (A9)", () => {
  test("an advance paid into a retainer becomes a balance applied to later invoices or refunded", async () => {
    const c = await buildCustomer(ctx, org, "Retainers");
    const r = await issued(c.id, 50000, "retainer");
    expect(r.number).toMatch(new RegExp(`^AN${yearOf(r.issueDate)}-\\d{4}$`));
    expect((await api.balances(c.id))[0]).toMatchObject({
      outstandingMinor: 0,
      retainerOutstandingMinor: 50000,
      openRetainerCount: 1,
      balanceMinor: 0,
    });
    const p = await api.recordPayment(paymentBody(c.id, 50000, [{ invoiceId: r.id, amountMinor: 50000 }]));
    expect(p.paidInvoices).toBe(false);
    // What paid a retainer is refunded from the retainer, not from the payment.
    expect(p.refundableMinor).toBe(0);
    expect(await api.invoice(r.id)).toMatchObject({ status: "paid", availableMinor: 50000 });
    expect((await api.balances(c.id))[0]).toMatchObject({
      retainerBalanceMinor: 50000,
      balanceMinor: -50000,
    });
    const later = await issued(c.id, 30000);
    await api.applyCredit(r.id, [{ invoiceId: later.id, amountMinor: 30000 }]);
    expect(await api.invoice(later.id)).toMatchObject({ status: "paid" });
    const refunded = await api.refundCredit(r.id, 20000, 0);
    expect(refunded).toMatchObject({ availableMinor: 0, status: "paid" });
    expect((await api.balances(c.id))[0]).toMatchObject({
      retainerBalanceMinor: 0,
      outstandingMinor: 0,
      balanceMinor: 0,
    });
    const over = await api.call("POST", `/api/invoices/${r.id}/refunds`, {
      amountMinor: 1,
      expectedRefundedMinor: 20000,
      method: "transfer",
      refundedOn: testToday(),
    });
    expect(over.json().code).toBe("REFUND_EXCEEDS_REFUNDABLE");
  });

  test("an unpaid retainer has no balance to apply", async () => {
    const c = await buildCustomer(ctx, org, "Unpaid Retainer");
    const r = await issued(c.id, 10000, "retainer");
    const a = await issued(c.id, 10000);
    const res = await api.call("POST", `/api/invoices/${r.id}/apply`, {
      allocations: [{ invoiceId: a.id, amountMinor: 100 }],
    });
    expect(res.json().code).toBe("ALLOCATION_EXCEEDS_AVAILABLE");
  });
});

describe("tenancy", () => {
  test("another organisation's payment and customer balances are not found", async () => {
    const c = await buildCustomer(ctx, org, "Mine");
    const a = await issued(c.id, 1000);
    const p = await api.recordPayment(paymentBody(c.id, 1000, [{ invoiceId: a.id, amountMinor: 1000 }]));
    const other = ledgerApi(ctx, await buildOrg(ctx, "Other Ledger Org"));
    expect((await other.call("GET", `/api/payments/${p.id}`)).statusCode).toBe(404);
    expect((await other.call("GET", `/api/customers/${c.id}/balances`)).statusCode).toBe(404);
    const refund = await other.call("POST", `/api/payments/${p.id}/refunds`, {
      amountMinor: 100,
      expectedRefundedMinor: 0,
      method: "cash",
      refundedOn: testToday(),
    });
    expect(refund.statusCode).toBe(404);
    expect((await other.call("GET", "/api/payments")).json().items).toEqual([]);
  });
});
