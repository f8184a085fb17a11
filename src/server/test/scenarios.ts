import type { Customer, InvoiceDetail } from "../../shared/contracts/index.js";
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
 * Scenarios many test files start from, built from the factories. A file calls one in `beforeAll` and
 * closes `ctx` in `afterAll`.
 */

export interface TestApp {
  ctx: TestContext;
  /** An organisation with its owner signed in (see buildOrg). */
  org: TestOrg;
}

/**
 * A fresh app and database for one test file with a signed-in organisation; with a second name, also
 * another organisation, for the tests that one tenant cannot reach the other's data.
 */
export async function startTestApp(orgName: string): Promise<TestApp>;
export async function startTestApp(
  orgName: string,
  otherOrgName: string,
): Promise<TestApp & { otherOrg: TestOrg }>;
export async function startTestApp(
  orgName: string,
  otherOrgName?: string,
): Promise<TestApp & { otherOrg?: TestOrg }> {
  const ctx = await createTestContext();
  const org = await buildOrg(ctx, orgName);
  if (otherOrgName === undefined) return { ctx, org };
  return { ctx, org, otherOrg: await buildOrg(ctx, otherOrgName) };
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
