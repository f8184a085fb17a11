import { afterAll, beforeAll } from "vitest";
import type { Customer, InvoiceDetail } from "../../shared/contracts/index.js";
import { contactCookieName } from "../http/cookies.js";
import { startContactSession } from "../modules/contact-sessions/contact-sessions.service.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  openLink,
  sendInvoiceLinks,
  type TestLine,
  type TestOrg,
} from "./factories.js";
import { createTestContext, type TestContext } from "./harness.js";

/**
 * Scenarios many test files start from, built from the factories.
 */

export interface TestApp {
  ctx: TestContext;
  /** An organisation with its owner signed in (see buildOrg). */
  org: TestOrg;
}

/**
 * The app of one test file: a fresh app and database with a signed-in organisation, built before the
 * file's tests (register it before the file's own `beforeAll`) and closed after them; with a second
 * name, also another organisation, for the tests that one tenant cannot reach the other's data.
 *
 * The objects are returned at once and filled in `beforeAll`, so a file can hold them in constants.
 */
export function setUpTestApp(orgName: string): TestApp;
export function setUpTestApp(orgName: string, otherOrgName: string): TestApp & { otherOrg: TestOrg };
export function setUpTestApp(orgName: string, otherOrgName?: string): TestApp & { otherOrg?: TestOrg } {
  const ctx = {} as TestContext;
  const org = {} as TestOrg;
  const otherOrg = otherOrgName === undefined ? undefined : ({} as TestOrg);
  beforeAll(async () => {
    Object.assign(ctx, await createTestContext());
    Object.assign(org, await buildOrg(ctx, orgName));
    if (otherOrg && otherOrgName) Object.assign(otherOrg, await buildOrg(ctx, otherOrgName));
  });
  afterAll(() => ctx.close());
  return { ctx, org, otherOrg };
}

export interface SentInvoice {
  invoice: InvoiceDetail;
  /** The personal portal link each contact got in the email, by email address. */
  links: Map<string, string>;
}

/** An issued invoice for the customer, emailed to its contacts. */
export async function buildSentInvoice(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  opts: { lines?: TestLine[] } = {},
): Promise<SentInvoice> {
  const invoice = await buildInvoice(ctx, org, customerId, { issue: true, lines: opts.lines });
  return { invoice, links: await sendInvoiceLinks(ctx, org, invoice.id) };
}

/** The primary contact of a customer (the first one when none is marked). */
export function primaryContact(customer: Customer): Customer["contacts"][number] & { email: string } {
  const contact = customer.contacts.find((c) => c.isPrimary) ?? customer.contacts[0];
  if (!contact?.email) throw new Error("customer without a primary contact");
  return { ...contact, email: contact.email };
}

export interface SignedInCustomer {
  customer: Customer;
  /** The issued invoice whose email carried the sign-in link. */
  invoice: InvoiceDetail;
  contact: Customer["contacts"][number];
  /** Cookie header of the contact's portal session. */
  cookie: string;
}

/**
 * A new customer of `org` with an issued invoice emailed to it, and its primary contact signed in to the
 * portal through the link in that email.
 */
export async function buildSignedInCustomer(
  ctx: TestContext,
  org: TestOrg,
  name: string,
): Promise<SignedInCustomer> {
  const customer = await buildCustomer(ctx, org, name);
  const contact = primaryContact(customer);
  const { invoice, links } = await buildSentInvoice(ctx, org, customer.id);
  const link = links.get(contact.email);
  if (!link) throw new Error(`no link emailed to ${contact.email}`);
  return { customer, invoice, contact, cookie: (await openLink(ctx, link)).cookie };
}

/**
 * A portal session of the customer's contact (its primary one unless `contactId` says otherwise) started
 * directly, as following a link (`link`), signing in (`password`) or a staff preview (`preview`) would;
 * returns the Cookie header.
 */
export async function contactSessionCookie(
  ctx: TestContext,
  org: TestOrg,
  customer: Customer,
  origin: "link" | "password" | "preview",
  contactId = primaryContact(customer).id,
): Promise<string> {
  const token = await startContactSession(ctx.database.db, {
    orgId: org.orgId,
    customerId: customer.id,
    contactId,
    origin,
    ip: "127.0.0.1",
  });
  return `${contactCookieName(ctx.config, org.orgId)}=${token}`;
}
