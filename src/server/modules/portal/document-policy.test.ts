import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer } from "../../../shared/contracts/index.js";
import { invoices, organisations, quotes } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { daysFromToday } from "../../test/dates.js";
import { buildInvoice, buildQuote } from "../../test/factories.js";
import { buildSignedInCustomer, contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";

/**
 * The portal policy's promise: for every action, document state and principal, the flag the portal app
 * gets (`canPay`, `canAnswer`) is exactly what the action's endpoint enforces.
 */
const { ctx, org } = setUpTestApp("Policy Org");
let customer: Customer;
const principals: Record<string, string> = {};

beforeAll(async () => {
  const signedIn = await buildSignedInCustomer(ctx, org, "Policy Customer");
  customer = signedIn.customer;
  principals.contact = signedIn.cookie;
  principals["staff preview"] = await contactSessionCookie(
    ctx,
    org,
    customer,
    "preview",
    signedIn.contact.id,
  );
});

const portal = (cookie: string, path: string, payload?: object) =>
  ctx.app.inject({
    method: payload ? "POST" : "GET",
    url: `/api/portal/${org.slug}${path}`,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });

const setOrg = (set: Partial<typeof organisations.$inferInsert>) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.update(organisations).set(set).where(eq(organisations.id, org.orgId)),
  );

type InvoiceState = Partial<typeof invoices.$inferInsert>;
const invoiceStates: Record<string, { set: InvoiceState; orgGateways?: string[] }> = {
  issued: { set: { status: "issued" } },
  sent: { set: { status: "sent" } },
  viewed: { set: { status: "viewed" } },
  "partially paid": { set: { status: "partially_paid", paidMinor: 5000 } },
  paid: { set: { status: "paid", paidMinor: 10_000_000 } },
  void: { set: { status: "void" } },
  "credit note": { set: { kind: "credit_note", status: "issued" } },
  retainer: { set: { kind: "retainer", status: "issued" } },
  overdue: { set: { status: "sent", dueDate: daysFromToday(-10) } },
  "offering no gateway": { set: { status: "issued", gateways: [] } },
  "gateway switched off by the organisation": { set: { status: "issued" }, orgGateways: [] },
};

describe("pay: the Pay flag equals what the checkout enforces", () => {
  for (const who of ["contact", "staff preview"] as const)
    for (const [state, { set, orgGateways }] of Object.entries(invoiceStates))
      test(`${who} · ${state}`, async () => {
        const cookie = principals[who] as string;
        const inv = await buildInvoice(ctx, org, customer.id, { issue: true });
        await withOrg(ctx.database.db, org.orgId, (tx) =>
          tx.update(invoices).set(set).where(eq(invoices.id, inv.id)),
        );
        await setOrg({ enabledGateways: orgGateways ?? ["sandbox"] });
        try {
          const detail = await portal(cookie, `/invoices/${inv.id}`);
          expect(detail.statusCode).toBe(200);
          const flag: boolean = detail.json().canPay;
          const pay = await portal(cookie, `/invoices/${inv.id}/pay`, { idempotencyKey: `policy-${inv.id}` });
          expect({ flag, enforced: pay.statusCode === 200, code: pay.json().code }).toMatchObject({
            flag: pay.statusCode === 200,
          });
        } finally {
          await setOrg({ enabledGateways: ["sandbox"] });
        }
      });
});

type QuoteState = Partial<typeof quotes.$inferInsert>;
const quoteStates: Record<string, QuoteState> = {
  sent: { status: "sent" },
  viewed: { status: "viewed" },
  accepted: { status: "accepted" },
  declined: { status: "declined" },
  expired: { status: "sent", expiryDate: daysFromToday(-1) },
  superseded: { status: "superseded" },
  invoiced: { status: "invoiced" },
};

describe("answer: the Accept/Decline flag equals what the decline endpoint enforces", () => {
  for (const who of ["contact", "staff preview"] as const)
    for (const allowQuoteAcceptance of [true, false])
      for (const [state, set] of Object.entries(quoteStates))
        test(`${who} · ${state} · acceptance ${allowQuoteAcceptance ? "on" : "off"}`, async () => {
          const cookie = principals[who] as string;
          const quote = await buildQuote(ctx, org, customer.id, { send: true });
          await withOrg(ctx.database.db, org.orgId, (tx) =>
            tx.update(quotes).set(set).where(eq(quotes.id, quote.id)),
          );
          await setOrg({ portalOptions: { allowQuoteAcceptance } });
          try {
            const detail = await portal(cookie, `/quotes/${quote.id}`);
            expect(detail.statusCode).toBe(200);
            const flag: boolean = detail.json().canAnswer;
            const answer = await portal(cookie, `/quotes/${quote.id}/decline`, { reason: "Not now" });
            expect({ flag, enforced: answer.statusCode === 200, code: answer.json().code }).toMatchObject({
              flag: answer.statusCode === 200,
            });
          } finally {
            await setOrg({ portalOptions: {} });
          }
        });
});

describe("drafts exist for no principal: nothing to show, nothing to act on", () => {
  for (const who of ["contact", "staff preview"] as const)
    test(who, async () => {
      const cookie = principals[who] as string;
      const inv = await buildInvoice(ctx, org, customer.id);
      expect((await portal(cookie, `/invoices/${inv.id}`)).statusCode).toBe(404);
      const pay = await portal(cookie, `/invoices/${inv.id}/pay`, { idempotencyKey: `policy-${inv.id}` });
      expect(pay.statusCode).toBeGreaterThanOrEqual(400);
      const quote = await buildQuote(ctx, org, customer.id);
      expect((await portal(cookie, `/quotes/${quote.id}`)).statusCode).toBe(404);
      const answer = await portal(cookie, `/quotes/${quote.id}/decline`, { reason: "Not now" });
      expect(answer.statusCode).toBeGreaterThanOrEqual(400);
    });
});
