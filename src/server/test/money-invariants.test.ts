import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  completeCheckout,
  contactCookieFor,
  issuedInvoice,
  recordPayment,
} from "../modules/receipts/test-support.js";
import { testToday } from "./dates.js";
import { buildCustomer, buildOrg, type TestOrg } from "./factories.js";
import { createTestContext, type TestContext } from "./harness.js";
import { checkMoneyInvariants, queryOf } from "./money-invariants.js";

// The scale bench's checker (bench/scale.ts) is proven to check: a ledger written by the services passes,
// and each hand-made break (bypassing the services, as a bug or a race would) is named.
let ctx: TestContext;
let org: TestOrg;
let invoiceId: string;
let paymentId: string;
const run = (text: string) => ctx.database.db.execute(sql.raw(text));
const broken = async () => (await checkMoneyInvariants(queryOf(ctx.database.db))).map((v) => v.check);

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Invariants Org");
  const customer = await buildCustomer(ctx, org, "Ledger Customer");
  // 242.00 €: 100.00 by transfer, then 50.00 online through the sandbox gateway.
  const invoice = await issuedInvoice(ctx, org, customer.id, { allowPartialPayments: true });
  invoiceId = invoice.id;
  const payment = await recordPayment(ctx, org, {
    customerId: customer.id,
    amountMinor: 10_000,
    method: "transfer",
    paidOn: testToday(),
    allocations: [{ invoiceId, amountMinor: 10_000 }],
  });
  paymentId = payment.id;
  const cookie = await contactCookieFor(ctx, org, invoice);
  const pay = await ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/invoices/${invoiceId}/pay`,
    headers: { cookie },
    payload: { idempotencyKey: "invariants-0001", amountMinor: 5_000 },
  });
  expect(pay.statusCode).toBe(200);
  await completeCheckout(ctx, pay.json().checkoutUrl, cookie);
});
afterAll(() => ctx.close());

describe("the money invariants of the scale bench", () => {
  test("a ledger written by the services breaks none", async () => {
    const [paid] = (await queryOf(ctx.database.db)(
      `select paid_minor from invoices where id = '${invoiceId}'`,
    )) as { paid_minor: number }[];
    expect(Number(paid?.paid_minor)).toBe(15_000);
    expect(await broken()).toEqual([]);
  });

  test("an invoice over-allocated by hand is over-collected, and its payment allocates above its amount", async () => {
    await run(`insert into allocations (org_id, customer_id, payment_id, invoice_id, amount_minor, applied_on)
               select org_id, customer_id, id, '${invoiceId}', 20000, paid_on from payments where id = '${paymentId}'`);
    await run(`update invoices set paid_minor = paid_minor + 20000 where id = '${invoiceId}'`);
    expect(await broken()).toEqual([
      "invoice paid above its total",
      "payment allocated and refunded above its amount",
    ]);
    await run(`delete from allocations where payment_id = '${paymentId}' and amount_minor = 20000`);
    expect(await broken()).toEqual([
      "invoice paid above its total",
      "invoice paid differs from its allocations",
    ]);
    await run(`update invoices set paid_minor = paid_minor - 20000 where id = '${invoiceId}'`);
    expect(await broken()).toEqual([]);
  });

  test("a checkout collected twice is named", async () => {
    await run(`insert into payments (org_id, customer_id, number, amount_minor, currency, method, paid_on, checkout_id)
               select org_id, customer_id, 'X-1', amount_minor, currency, 'gateway', current_date, id
               from checkout_sessions where status = 'succeeded'`);
    expect(await broken()).toEqual([
      "checkout collected other than once, or another amount",
      "receipt number of no receipt series",
    ]);
    await run(`delete from payments where number = 'X-1'`);
    expect(await broken()).toEqual([]);
  });

  test("a gap in the receipt numbers, or in the invoice numbers, is named", async () => {
    // A receipt number taken (the counter moved) and never used: a gap.
    await run(`update number_counters set last_number = last_number + 1
               where series_id in (select id from number_series where document_type = 'receipt')`);
    expect(await broken()).toEqual(["receipt numbers not gap-free per series and year"]);
    await run(`update number_counters set last_number = last_number - 1
               where series_id in (select id from number_series where document_type = 'receipt')`);
    // An invoice renumbered past the next: its series skips a number.
    await run(`update invoices set sequence = sequence + 1 where id = '${invoiceId}'`);
    expect(await broken()).toEqual(["invoice numbers not gap-free per series and year"]);
    await run(`update invoices set sequence = sequence - 1 where id = '${invoiceId}'`);
    expect(await broken()).toEqual([]);
  });

  test("a role that row-level security filters is refused, not answered 'all fine'", async () => {
    await expect(
      checkMoneyInvariants(async (text) =>
        text.includes("pg_roles") ? [{ sees_all: false }] : queryOf(ctx.database.db)(text),
      ),
    ).rejects.toThrow(/bypasses RLS/);
  });
});
