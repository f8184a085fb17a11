import { expect } from "vitest";
import type {
  EmailSummary,
  InvoiceDetail,
  InvoiceDraftBody,
  PaymentDetail,
} from "../../../shared/contracts/index.js";
import type { SandboxOutcome } from "../../gateways/sandbox/sandbox-signature.js";
import { type buildCustomer, openLink, type TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

/** Helpers of the receipts tests (not a test file itself). Data is made through the API. */

export const staffGet = (ctx: TestContext, org: TestOrg, url: string) =>
  ctx.app.inject({ url, headers: { cookie: org.cookie } });

export async function staffPost<T>(ctx: TestContext, org: TestOrg, url: string, payload: object): Promise<T> {
  const res = await ctx.app.inject({ method: "POST", url, headers: { cookie: org.cookie }, payload });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An issued invoice of 242.00 € (200 + 21 % VAT) unless lines say otherwise. */
export async function issuedInvoice(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  extra: Partial<InvoiceDraftBody> = {},
): Promise<InvoiceDetail> {
  const draft = await staffPost<InvoiceDetail>(ctx, org, "/api/invoices", {
    customerId,
    lines: [{ description: "Consulting", quantityMilli: 2000, unitPriceMinor: 10000 }],
    ...extra,
  });
  return staffPost<InvoiceDetail>(ctx, org, `/api/invoices/${draft.id}/issue`, {});
}

export function recordPayment(
  ctx: TestContext,
  org: TestOrg,
  body: {
    customerId: string;
    amountMinor: number;
    method: "transfer" | "cash" | "cheque" | "card_terminal" | "other";
    paidOn: string;
    reference?: string;
    notes?: string;
    allocations?: { invoiceId: string; amountMinor: number }[];
  },
): Promise<PaymentDetail> {
  return staffPost<PaymentDetail>(ctx, org, "/api/payments", body);
}

/** A customer whose primary contact opened the emailed link to `invoice`: returns its portal cookie. */
export async function contactCookieFor(
  ctx: TestContext,
  org: TestOrg,
  invoice: InvoiceDetail,
): Promise<string> {
  const customer = (await staffGet(ctx, org, `/api/customers/${invoice.customerId}`)).json() as Awaited<
    ReturnType<typeof buildCustomer>
  >;
  await staffPost(ctx, org, `/api/invoices/${invoice.id}/send`, {});
  const primary = customer.contacts.find((c) => c.isPrimary);
  const summary = (
    (await staffGet(ctx, org, "/api/outbox?kind=invoice_sent&limit=200")).json().items as EmailSummary[]
  ).find((e) => e.toAddress === primary?.email && e.kind === "invoice_sent");
  const text: string = (await staffGet(ctx, org, `/api/outbox/${summary?.id}`)).json().textBody;
  const link = /https:\/\/portico\.test\/p\/[^\s]+\/l\/[A-Za-z0-9_-]+/.exec(text)?.[0] as string;
  const opened = await openLink(ctx, link);
  expect(opened.status).toBe(303);
  return opened.cookie;
}

/** Submits the sandbox gateway's hosted page like a browser, follows the signed return, gives the landing. */
export async function completeCheckout(
  ctx: TestContext,
  checkoutUrl: string,
  /** The portal session of the contact who opened the checkout: the hosted page acts only for it. */
  cookie: string,
  action: SandboxOutcome = "succeeded",
): Promise<string> {
  const submitted = await ctx.app.inject({
    method: "POST",
    url: checkoutUrl.replace("https://portico.test", ""),
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: `action=${action}`,
  });
  expect(submitted.statusCode).toBe(303);
  const landed = await ctx.app.inject({ url: String(submitted.headers.location) });
  expect(landed.statusCode).toBe(303);
  return String(landed.headers.location);
}
