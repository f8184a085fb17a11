import { randomBytes, randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type {
  Customer,
  InvoiceDetail,
  QuoteDetail,
  RectificationInput,
} from "../../shared/contracts/index.js";
import { emails, organisations } from "../db/schema/index.js";
import { withOrg } from "../db/scope.js";
import { createOrganisation } from "../modules/organisation/create-organisation.js";
import { testToday } from "./dates.js";
import type { TestContext } from "./harness.js";

export interface TestOrg {
  orgId: string;
  slug: string;
  email: string;
  password: string;
  /** Cookie header of a signed-in owner. */
  cookie: string;
}

/** A document line as the create endpoints take it. */
export interface TestLine {
  description: string;
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp?: number;
  taxIds?: string[];
}

const unique = () => randomBytes(4).toString("hex");

/**
 * An organisation and its signed-in owner. Unlike a real new organisation (which enables no gateway until
 * it sets one up), a test organisation enables the sandbox unless `gateways` says otherwise, so invoices
 * built for payment tests offer "Pay now".
 */
export async function buildOrg(
  ctx: TestContext,
  name = "Org",
  opts: { gateways?: string[] } = {},
): Promise<TestOrg> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${unique()}`;
  const email = `owner-${unique()}@example.com`;
  const password = "correct horse battery staple";
  const { orgId } = await createOrganisation(ctx.database.db, {
    name,
    slug,
    owner: { email, name: `${name} Owner`, password },
  });
  await withOrg(ctx.database.db, orgId, (tx) =>
    tx
      .update(organisations)
      .set({ enabledGateways: opts.gateways ?? ["sandbox"] })
      .where(eq(organisations.id, orgId)),
  );
  const cookie = await loginStaff(ctx, email, password);
  return { orgId, slug, email, password, cookie };
}

/**
 * Signs a staff user in from a new client address each time: tests that sign in often (after faking the
 * clock, say) must not meet the per-address login limit, which its own tests cover.
 */
export async function loginStaff(ctx: TestContext, email: string, password: string): Promise<string> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    // A different client address per sign-in, so the per-address rate limit stays out of the way.
    remoteAddress: `10.${randomInt(255)}.${randomInt(255)}.${randomInt(1, 255)}`,
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return cookieHeader(res.headers["set-cookie"]);
}

/** Turns the organisation's portal on or off at its current slug; returns the response. */
export function putPortalSettings(
  ctx: TestContext,
  org: TestOrg,
  settings: { portalEnabled: boolean; deliveryMode: string },
) {
  return ctx.app.inject({
    method: "PUT",
    url: "/api/portal-settings",
    headers: { cookie: org.cookie },
    payload: { ...settings, portalSlug: org.slug },
  });
}

/** Changes some fields of the organisation's profile, the rest as stored; returns the response. */
export async function putOrganisationProfile(
  ctx: TestContext,
  org: TestOrg,
  changes: Record<string, unknown>,
) {
  const profile = await ctx.app.inject({ url: "/api/organisation", headers: { cookie: org.cookie } });
  return ctx.app.inject({
    method: "PUT",
    url: "/api/organisation",
    headers: { cookie: org.cookie },
    payload: { ...(profile.json() as Record<string, unknown>), ...changes },
  });
}

/** A payment by transfer recorded today through the API, all of it on one invoice; returns the response. */
export function recordPayment(
  ctx: TestContext,
  headers: Record<string, string>,
  payment: { customerId: string; invoiceId: string; amountMinor: number },
) {
  return ctx.app.inject({
    method: "POST",
    url: "/api/payments",
    headers,
    payload: {
      customerId: payment.customerId,
      amountMinor: payment.amountMinor,
      method: "transfer",
      paidOn: testToday(),
      allocations: [{ invoiceId: payment.invoiceId, amountMinor: payment.amountMinor }],
    },
  });
}

export function cookieHeader(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

export interface TestContact {
  name: string;
  email: string;
  language?: "es" | "en";
  isPrimary?: boolean;
}

/** A customer with two contacts (the first primary), unless `contacts` names them. */
export async function buildCustomer(
  ctx: TestContext,
  org: TestOrg,
  name = "Customer",
  contacts: TestContact[] = [
    { name: `${name} Contact`, email: `c-${unique()}@example.com`, isPrimary: true },
    { name: `${name} Second`, email: `d-${unique()}@example.com` },
  ],
  /** Other fields of the customer (`mayPayByBank`, `currency`…). */
  fields: Record<string, unknown> = {},
): Promise<Customer> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/customers",
    headers: { cookie: org.cookie },
    payload: { name, contacts, ...fields },
  });
  if (res.statusCode !== 201) throw new Error(`customer: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A credit note's rectification as a Spanish organisation's test credit notes send it (decision 051). */
export const TEST_RECTIFICATION = { type: "R4", reason: "Corrección de importe" } as const;

export async function buildInvoice(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  opts: {
    issue?: boolean;
    kind?: "invoice" | "retainer" | "credit_note";
    correctsInvoiceId?: string;
    allowPartialPayments?: boolean;
    currency?: string;
    lines?: TestLine[];
    /**
     * A credit note's rectification (decision 051): test organisations are in Spain, where a credit note
     * needs one; defaults to an R4 by difference. `null` sends none (an organisation outside Spain).
     */
    rectification?: RectificationInput | null;
  } = {},
): Promise<InvoiceDetail> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/invoices",
    headers: { cookie: org.cookie },
    payload: {
      customerId,
      kind: opts.kind,
      correctsInvoiceId: opts.correctsInvoiceId,
      rectification:
        opts.rectification !== undefined
          ? opts.rectification
          : opts.kind === "credit_note"
            ? TEST_RECTIFICATION
            : undefined,
      allowPartialPayments: opts.allowPartialPayments,
      currency: opts.currency,
      lines: opts.lines ?? [{ description: "Consulting", quantityMilli: 2000, unitPriceMinor: 10000 }],
    },
  });
  if (res.statusCode !== 201) throw new Error(`invoice: ${res.statusCode} ${res.body}`);
  if (!opts.issue) return res.json();
  const issued = await ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${res.json().id}/issue`,
    headers: { cookie: org.cookie },
    payload: {},
  });
  if (issued.statusCode !== 200) throw new Error(`issue: ${issued.statusCode} ${issued.body}`);
  return issued.json();
}

/** A personal portal link in an email's text (`/p/<slug>/l/<token>`). */
const PORTAL_LINK = /https:\/\/portico\.test\/p\/[^\s]+\/l\/[A-Za-z0-9_-]+/g;

const invoiceEmails = (ctx: TestContext, org: TestOrg) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(emails).where(eq(emails.kind, "invoice_sent")),
  );

async function sendInvoice(ctx: TestContext, org: TestOrg, invoiceId: string): Promise<void> {
  const res = await ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${invoiceId}/send`,
    headers: { cookie: org.cookie },
    payload: {},
  });
  if (res.statusCode !== 200) throw new Error(`send: ${res.statusCode} ${res.body}`);
}

/** Sends an invoice and returns the personal portal links found in the outbox emails. */
export async function sendAndReadLinks(ctx: TestContext, org: TestOrg, invoiceId: string): Promise<string[]> {
  await sendInvoice(ctx, org, invoiceId);
  const rows = await invoiceEmails(ctx, org);
  return rows.flatMap((e) => [...e.textBody.matchAll(PORTAL_LINK)].map((m) => m[0]));
}

/**
 * Sends an invoice and returns the personal portal link each recipient got by this send, by email address
 * (links emailed by earlier sends are left out).
 */
export async function sendInvoiceLinks(
  ctx: TestContext,
  org: TestOrg,
  invoiceId: string,
): Promise<Map<string, string>> {
  const earlier = new Set((await invoiceEmails(ctx, org)).map((e) => e.id));
  await sendInvoice(ctx, org, invoiceId);
  const links = new Map<string, string>();
  for (const e of await invoiceEmails(ctx, org)) {
    const link = e.textBody.match(PORTAL_LINK)?.[0];
    if (link && !earlier.has(e.id)) links.set(e.toAddress, link);
  }
  return links;
}

/** Follows an emailed link like a browser; returns the contact's cookie and where it landed. */
export async function openLink(
  ctx: TestContext,
  link: string,
): Promise<{ cookie: string; location: string; status: number }> {
  const res = await ctx.app.inject({ method: "GET", url: link.replace("https://portico.test", "") });
  return {
    cookie: cookieHeader(res.headers["set-cookie"]),
    location: String(res.headers.location ?? ""),
    status: res.statusCode,
  };
}

export async function buildQuote(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  opts: {
    send?: boolean;
    requireSignature?: boolean;
    expiryDate?: string | null;
    notes?: string;
    lines?: TestLine[];
  } = {},
): Promise<QuoteDetail> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/quotes",
    headers: { cookie: org.cookie },
    payload: {
      customerId,
      requireSignature: opts.requireSignature ?? false,
      ...(opts.expiryDate !== undefined ? { expiryDate: opts.expiryDate } : {}),
      ...(opts.notes ? { notes: opts.notes } : {}),
      lines: opts.lines ?? [{ description: "Website redesign", quantityMilli: 1000, unitPriceMinor: 250000 }],
    },
  });
  if (res.statusCode !== 201) throw new Error(`quote: ${res.statusCode} ${res.body}`);
  if (!opts.send) return res.json();
  const sent = await ctx.app.inject({
    method: "POST",
    url: `/api/quotes/${res.json().id}/send`,
    headers: { cookie: org.cookie },
    payload: {},
  });
  if (sent.statusCode !== 200) throw new Error(`send quote: ${sent.statusCode} ${sent.body}`);
  return sent.json().quote;
}

/** Sends the invoice and signs one contact in through the link emailed to it; returns its cookie. */
export async function signInContactByLink(
  ctx: TestContext,
  org: TestOrg,
  invoiceId: string,
  contactEmail: string,
): Promise<string> {
  const link = (await sendInvoiceLinks(ctx, org, invoiceId)).get(contactEmail);
  if (!link) throw new Error(`no link emailed to ${contactEmail}`);
  return (await openLink(ctx, link)).cookie;
}
