import { expect } from "vitest";
import type {
  Customer,
  CustomerBalance,
  InvoiceDetail,
  PaymentDetail,
  PaymentSummary,
  PortalInvoicePage,
  PortalInvoiceSummary,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { loginStaff, TEST_RECTIFICATION, type TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";
import { GOOD_PASSWORD, login, setPassword } from "../portal-auth/test-helpers.js";

/** Helpers of the portal home and invoice list tests (not a test file itself). Data goes through the API. */

/**
 * Runs `fn` with the server clock (`src/server/clock.ts`) on `date` (noon UTC): documents made meanwhile
 * default to that date. Issuing keeps a draft's date but refuses one before the last issued invoice of the
 * series (correlative numbering), so old invoices are made before newer ones. Sessions touched meanwhile
 * look idle afterwards, so the staff cookie is renewed.
 */
export async function onDay<T>(
  ctx: TestContext,
  org: TestOrg,
  date: string,
  fn: () => Promise<T>,
): Promise<T> {
  clock.setClock(`${date}T12:00:00Z`);
  try {
    // A session started at the real time may look idle at noon of the moved day (the organisation's "today"
    // can be tomorrow in UTC late at night): sign in again under the moved clock first.
    org.cookie = await loginStaff(ctx, org.email, org.password);
    return await fn();
  } finally {
    clock.resetClock();
    org.cookie = await loginStaff(ctx, org.email, org.password);
  }
}

export type Kind = "invoice" | "retainer" | "credit_note";

export function staffCall(ctx: TestContext, org: TestOrg) {
  return async <T>(
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
    expected = 200,
  ) => {
    const res = await ctx.app.inject({ method, url, headers: { cookie: org.cookie }, payload });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(expected);
    return res.json() as T;
  };
}

/** Signs the customer's primary contact in with a password; returns its cookie. */
export async function signInPrimary(ctx: TestContext, org: TestOrg, customer: Customer): Promise<string> {
  const primary = customer.contacts.find((c) => c.isPrimary) ?? customer.contacts[0];
  if (!primary?.email) throw new Error("no primary contact");
  await setPassword(ctx, org, primary.id, GOOD_PASSWORD);
  const { res, cookie } = await login(ctx, org, primary.email, GOOD_PASSWORD);
  expect(res.statusCode).toBe(200);
  return cookie;
}

export interface DocInput {
  kind?: Kind;
  amountMinor: number;
  issueDate?: string;
  dueDate?: string | null;
  currency?: string;
  notes?: string;
  description?: string;
  issue?: boolean;
}

/** A one-line, tax-free document, so its total is exactly `amountMinor`; issued unless told not to. */
export async function makeDocument(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  d: DocInput,
): Promise<InvoiceDetail> {
  const call = staffCall(ctx, org);
  const draft = await call<InvoiceDetail>(
    "POST",
    "/api/invoices",
    {
      customerId,
      kind: d.kind ?? "invoice",
      ...(d.kind === "credit_note" ? { rectification: TEST_RECTIFICATION } : {}),
      ...(d.issueDate ? { issueDate: d.issueDate } : {}),
      ...(d.dueDate !== undefined ? { dueDate: d.dueDate } : {}),
      ...(d.currency ? { currency: d.currency } : {}),
      ...(d.notes ? { notes: d.notes } : {}),
      lines: [
        {
          description: d.description ?? "Work",
          quantityMilli: 1000,
          unitPriceMinor: d.amountMinor,
          taxIds: [],
        },
      ],
    },
    201,
  );
  if (d.issue === false) return draft;
  return call<InvoiceDetail>("POST", `/api/invoices/${draft.id}/issue`, {});
}

export function recordPayment(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  amountMinor: number,
  paidOn: string,
  allocations: { invoiceId: string; amountMinor: number }[] = [],
  currency?: string,
): Promise<PaymentDetail> {
  return staffCall(ctx, org)<PaymentDetail>(
    "POST",
    "/api/payments",
    { customerId, amountMinor, paidOn, method: "transfer", allocations, ...(currency ? { currency } : {}) },
    201,
  );
}

export const portalGet = (ctx: TestContext, org: TestOrg, cookie: string, path: string) =>
  ctx.app.inject({ url: `/api/portal/${org.slug}${path}`, headers: { cookie } });

/** Every page of the contact's list for a query, following the cursors. */
export async function listAll(
  ctx: TestContext,
  org: TestOrg,
  cookie: string,
  params: Record<string, string>,
): Promise<PortalInvoiceSummary[]> {
  const out: PortalInvoiceSummary[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const qs = new URLSearchParams({ limit: "100", ...params, ...(cursor ? { cursor } : {}) });
    const res = await portalGet(ctx, org, cookie, `/invoices?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as PortalInvoicePage;
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error("pagination did not end");
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const OPEN = new Set(["issued", "sent", "viewed", "partially_paid"]);

/**
 * The home's figures for one currency recomputed from what the contact can list (invoices, retainers and
 * credit notes from the portal) and the customer's payments (staff list: the portal's payments page is
 * another feature).
 */
export async function figuresFromDocuments(
  ctx: TestContext,
  org: TestOrg,
  cookie: string,
  customerId: string,
  currency: string,
): Promise<CustomerBalance> {
  const docs = (
    await Promise.all(
      (["invoice", "retainer", "credit_note"] as const).map((kind) => listAll(ctx, org, cookie, { kind })),
    )
  )
    .flat()
    .filter((d) => d.currency === currency && d.status !== "void");
  const payments = (
    await staffCall(ctx, org)<{ items: PaymentSummary[] }>(
      "GET",
      `/api/payments?customerId=${customerId}&limit=200`,
    )
  ).items.filter((p) => p.currency === currency);
  const open = (kind: Kind) => docs.filter((d) => d.kind === kind && OPEN.has(d.status) && d.dueMinor > 0);
  const outstandingMinor = sum(open("invoice").map((d) => d.dueMinor));
  const creditsMinor =
    sum(docs.filter((d) => d.kind === "credit_note").map((d) => d.availableMinor)) +
    sum(payments.map((p) => p.unappliedMinor));
  const retainerBalanceMinor = sum(docs.filter((d) => d.kind === "retainer").map((d) => d.availableMinor));
  return {
    currency,
    outstandingMinor,
    overdueMinor: sum(
      open("invoice")
        .filter((d) => d.isOverdue)
        .map((d) => d.dueMinor),
    ),
    openInvoiceCount: open("invoice").length,
    creditsMinor,
    retainerOutstandingMinor: sum(open("retainer").map((d) => d.dueMinor)),
    openRetainerCount: open("retainer").length,
    retainerBalanceMinor,
    balanceMinor: outstandingMinor - creditsMinor - retainerBalanceMinor,
  };
}
