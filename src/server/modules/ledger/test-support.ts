import type {
  CustomerBalance,
  InvoiceDetail,
  PaymentDetail,
  RecordPaymentBody,
} from "../../../shared/contracts/index.js";
import { testToday } from "../../test/dates.js";
import type { TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

/** Drives the ledger through the staff API, as the back office does; throws on an unexpected status. */
export function ledgerApi(ctx: TestContext, org: TestOrg) {
  const call = async (method: "GET" | "POST", url: string, payload?: unknown) =>
    ctx.app.inject({ method, url, headers: { cookie: org.cookie }, payload: payload as object | undefined });
  const ok = async <T>(
    method: "GET" | "POST",
    url: string,
    payload?: unknown,
    expected = 200,
  ): Promise<T> => {
    const res = await call(method, url, payload);
    if (res.statusCode !== expected) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  return {
    call,
    recordPayment: (body: RecordPaymentBody) => ok<PaymentDetail>("POST", "/api/payments", body, 201),
    payment: (id: string) => ok<PaymentDetail>("GET", `/api/payments/${id}`),
    refundPayment: (id: string, amountMinor: number, expectedRefundedMinor: number) =>
      ok<PaymentDetail>("POST", `/api/payments/${id}/refunds`, {
        amountMinor,
        expectedRefundedMinor,
        method: "transfer",
        refundedOn: testToday(),
      }),
    applyPayment: (id: string, allocations: { invoiceId: string; amountMinor: number }[]) =>
      ok<PaymentDetail>("POST", `/api/payments/${id}/apply`, { allocations }),
    applyCredit: (id: string, allocations: { invoiceId: string; amountMinor: number }[]) =>
      ok<InvoiceDetail>("POST", `/api/invoices/${id}/apply`, { allocations }),
    refundCredit: (id: string, amountMinor: number, expectedRefundedMinor: number) =>
      ok<InvoiceDetail>("POST", `/api/invoices/${id}/refunds`, {
        amountMinor,
        expectedRefundedMinor,
        method: "transfer",
        refundedOn: testToday(),
      }),
    invoice: (id: string) => ok<InvoiceDetail>("GET", `/api/invoices/${id}`),
    voidInvoice: (id: string) => call("POST", `/api/invoices/${id}/void`, {}),
    balances: (customerId: string) => ok<CustomerBalance[]>("GET", `/api/customers/${customerId}/balances`),
  };
}

/** One line of 100.00 at 21 % VAT (the default tax): a total of 121.00. */
export const line = (unitPriceMinor = 10000) => [
  { description: "Work", quantityMilli: 1000, unitPriceMinor },
];
