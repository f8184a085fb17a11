import { expect } from "vitest";
import type { InvoiceDetail, PaymentDetail, Statement } from "../../../shared/contracts/index.js";
import { testToday } from "../../test/dates.js";
import { TEST_RECTIFICATION, type TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

/** Organisations are created in Europe/Madrid; documents are dated in its calendar, on the server clock. */
export const orgToday = () => testToday();

/** Staff calls for building a customer's ledger through the API, as the back office would. */
export function ledgerApi(ctx: TestContext, org: TestOrg) {
  const call = async <T>(
    method: "GET" | "POST",
    url: string,
    payload?: unknown,
    status = 200,
  ): Promise<T> => {
    const res = await ctx.app.inject({
      method,
      url,
      headers: { cookie: org.cookie },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json() as T;
  };
  return {
    call,
    /** An issued invoice, credit note or retainer of one line of `amountMinor` (no taxes). */
    async document(
      customerId: string,
      amountMinor: number,
      opts: {
        kind?: "invoice" | "retainer" | "credit_note";
        correctsInvoiceId?: string;
        currency?: string;
      } = {},
    ): Promise<InvoiceDetail> {
      const draft = await call<InvoiceDetail>(
        "POST",
        "/api/invoices",
        {
          customerId,
          kind: opts.kind ?? "invoice",
          ...(opts.correctsInvoiceId ? { correctsInvoiceId: opts.correctsInvoiceId } : {}),
          ...(opts.kind === "credit_note" ? { rectification: TEST_RECTIFICATION } : {}),
          ...(opts.currency ? { currency: opts.currency } : {}),
          lines: [{ description: "Work", quantityMilli: 1000, unitPriceMinor: amountMinor, taxIds: [] }],
        },
        201,
      );
      return call<InvoiceDetail>("POST", `/api/invoices/${draft.id}/issue`, {});
    },
    payment(
      customerId: string,
      amountMinor: number,
      paidOn: string,
      allocations: { invoiceId: string; amountMinor: number }[] = [],
    ): Promise<PaymentDetail> {
      return call<PaymentDetail>(
        "POST",
        "/api/payments",
        { customerId, amountMinor, method: "transfer", paidOn, reference: "TRF-REF", allocations },
        201,
      );
    },
    refundPayment(payment: PaymentDetail, amountMinor: number, refundedOn: string): Promise<PaymentDetail> {
      return call<PaymentDetail>("POST", `/api/payments/${payment.id}/refunds`, {
        amountMinor,
        method: "transfer",
        refundedOn,
        expectedRefundedMinor: payment.refundedMinor,
      });
    },
    statement(customerId: string, query = ""): Promise<Statement> {
      return call<Statement>("GET", `/api/customers/${customerId}/statement${query}`);
    },
  };
}
