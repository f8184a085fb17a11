import { beforeAll, describe, expect, test } from "vitest";
import { buildQuote, recordPayment } from "./factories.js";
import { buildSignedInCustomer, type SignedInCustomer, setUpTestApp } from "./scenarios.js";

/**
 * The statement budget of the main endpoints (issue 14, decision 031): every statement the driver sends
 * for one request, BEGIN and COMMIT included, counted through `Database.statements`. Timing cannot guard
 * a request's round trips in CI; this count can. A budget passed fails with the statements listed.
 */
const { ctx, org } = setUpTestApp("Budget Org");
let signedIn: SignedInCustomer;
let paymentId: string;
let quoteId: string;

beforeAll(async () => {
  signedIn = await buildSignedInCustomer(ctx, org, "Budget Customer");
  const paid = await recordPayment(
    ctx,
    { cookie: org.cookie },
    { customerId: signedIn.customer.id, invoiceId: signedIn.invoice.id, amountMinor: 100 },
  );
  expect(paid.statusCode).toBe(201);
  paymentId = paid.json().id;
  quoteId = (await buildQuote(ctx, org, signedIn.customer.id, { send: true })).id;
});

/**
 * Runs one request with statements recorded; fails listing them when there are more than `budget`. A
 * first, unrecorded request makes it the steady state: a document's first view also writes (viewed,
 * audit, notification), once.
 */
async function expectWithinBudget(url: string, cookie: string, budget: number) {
  await ctx.app.inject({ method: "GET", url, headers: { cookie } });
  const recording: string[] = [];
  ctx.database.statements.recording = recording;
  let status: number;
  try {
    status = (await ctx.app.inject({ method: "GET", url, headers: { cookie } })).statusCode;
  } finally {
    ctx.database.statements.recording = null;
  }
  expect(status, url).toBe(200);
  const listed = recording.map((s, i) => `${i + 1}. ${s.replace(/\s+/g, " ").slice(0, 160)}`).join("\n");
  console.info(`${url}: ${recording.length} statements`);
  expect(
    recording.length,
    `${url} sent ${recording.length} statements (budget ${budget}):\n${listed}`,
  ).toBeLessThanOrEqual(budget);
}

/**
 * The budgets are /home ≤ 8, /me ≤ 5, lists ≤ 6, details ≤ 7. The request's own cost is now 3
 * statements (BEGIN, the one that signs it in and sets its scope, COMMIT); where a budget is above the
 * issue's, the rest is the handler's own queries, named beside it, to bring down in its module.
 */
describe("portal", () => {
  const portal = (path: string) => `/api/portal/${org.slug}${path}`;
  test.each([
    // The balances are 5 queries until they are summed in SQL (ledger/balances.ts): then 8.
    ["/home", 12],
    ["/me", 5],
    ["/invoices", 6],
    ["/quotes", 6],
    ["/payments", 6],
    // Currencies, opening balance, open invoices (aging) and movements: one query each.
    ["/statement", 8],
  ])("%s within %i statements", (path, budget) => expectWithinBudget(portal(path), signedIn.cookie, budget));

  // The detail reads the invoice, its lines, refunds, two allocation lists and open checkouts; each view
  // is audited (one insert).
  test("an invoice's detail", () =>
    expectWithinBudget(portal(`/invoices/${signedIn.invoice.id}`), signedIn.cookie, 10));
  // The quote and its lines, then its latest revision, acceptance and lines.
  test("a quote's detail", () => expectWithinBudget(portal(`/quotes/${quoteId}`), signedIn.cookie, 8));
  // The payment, its customer's name, allocations, refund sums, refunds and applications.
  test("a receipt", () => expectWithinBudget(portal(`/payments/${paymentId}`), signedIn.cookie, 9));
});

/** The back office: the same 3 statements around the handler's (decision 031 records these budgets). */
describe("back office", () => {
  test.each([
    // The dashboard's list (and unread count).
    ["/api/notifications", 5],
    ["/api/invoices", 4],
    ["/api/customers", 4],
  ])("%s within %i statements", (url, budget) => expectWithinBudget(url, org.cookie, budget));

  // The invoice, its lines, refunds, two allocation lists and open checkouts.
  test("an invoice's detail", () =>
    expectWithinBudget(`/api/invoices/${signedIn.invoice.id}`, org.cookie, 9));
  test("a customer", () => expectWithinBudget(`/api/customers/${signedIn.customer.id}`, org.cookie, 5));
});
