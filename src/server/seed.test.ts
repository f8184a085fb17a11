import { afterAll, beforeAll, expect, test } from "vitest";
import type { CustomerBalance, InvoiceSummary, PaymentSummary } from "../shared/contracts/index.js";
import { DEMO, seedDemoIfEmpty } from "./seed.js";
import { loginStaff } from "./test/factories.js";
import { createTestContext, type TestContext } from "./test/harness.js";

let ctx: TestContext;
let cookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { seeded } = await seedDemoIfEmpty(ctx.database.db, ctx.config, ctx.mailer);
  expect(seeded).toBe(true);
  cookie = await loginStaff(ctx, DEMO.email, DEMO.password);
});
afterAll(() => ctx.close());

const get = async <T>(url: string): Promise<T> => (await ctx.app.inject({ url, headers: { cookie } })).json();

test("the demo customer's money adds up: a part-paid invoice, an applied credit note, a retainer balance", async () => {
  const [acme] = (await get<{ items: { id: string; name: string }[] }>("/api/customers")).items.filter((c) =>
    /Acme/.test(c.name),
  );
  const docs = (await get<{ items: InvoiceSummary[] }>(`/api/invoices?customerId=${acme?.id}&limit=200`))
    .items;
  const kinds = docs
    .filter((d) => d.status !== "draft")
    .map((d) => `${d.kind}:${d.status}`)
    .sort();
  // Three invoices and the sales order's invoice: the first part-paid by transfer, the second by the credit note.
  expect(kinds).toEqual([
    "credit_note:closed",
    "invoice:issued",
    "invoice:issued",
    "invoice:partially_paid",
    "invoice:partially_paid",
    "retainer:paid",
  ]);
  const payments = (await get<{ items: PaymentSummary[] }>(`/api/payments?customerId=${acme?.id}`)).items;
  expect(payments).toHaveLength(2);
  const [eur] = await get<CustomerBalance[]>(`/api/customers/${acme?.id}/balances`);
  const invoices = docs.filter((d) => d.kind === "invoice" && d.status !== "draft");
  expect(eur?.outstandingMinor).toBe(invoices.reduce((s, d) => s + d.dueMinor, 0));
  expect(eur?.retainerBalanceMinor).toBe(96800);
  expect(eur?.creditsMinor).toBe(0);
});
