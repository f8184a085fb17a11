import { eq } from "drizzle-orm";
import type {
  Customer,
  InvoiceDetail,
  ProjectDetail,
  QuoteDetail,
  SalesOrderDetail,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { emails, memberships, taxes, timesheets } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { enqueueJob } from "../../jobs/job-types.js";
import { allowMessages, attachment, FILES } from "../../modules/messages/test-support.js";
import { buildProject, logTime } from "../../modules/projects/test-support.js";
import { buildSalesOrder } from "../../modules/sales-orders/test-support.js";
import { testToday } from "../dates.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  buildQuote,
  openLink,
  sendAndReadLinks,
  type TestOrg,
} from "../factories.js";
import type { TestContext } from "../harness.js";

export interface TenantWorld {
  org: TestOrg;
  customers: [Customer, Customer];
  /** One sent invoice per customer, and a draft of the first customer. */
  invoices: [InvoiceDetail, InvoiceDetail];
  draft: InvoiceDetail;
  /** One sent quote per customer. */
  quotes: [QuoteDetail, QuoteDetail];
  /** One confirmed sales order per customer; the first partly invoiced. */
  salesOrders: [SalesOrderDetail, SalesOrderDetail];
  /** One project per customer (the first shown in the portal) with a task, time (some invoiced) and a timesheet. */
  projects: [ProjectDetail, ProjectDetail];
  projectTaskId: string;
  timeEntryId: string;
  taxId: string;
  emailId: string;
  /** Messages (E10, on in the portal): one thread per customer, each with one attachment. */
  messageThreads: [string, string];
  messageAttachments: [string, string];
  /** Cookie of the first customer's primary contact, signed in through an emailed link. */
  contactCookie: string;
}

/**
 * An organisation with two customers, each with contacts, a sent invoice, a sent quote, a confirmed
 * sales order (the first partly invoiced), a link session and an email.
 */
export async function buildTenantWorld(ctx: TestContext, name: string): Promise<TenantWorld> {
  const org = await buildOrg(ctx, name);
  const c1 = await buildCustomer(ctx, org, `${name} Uno`);
  const c2 = await buildCustomer(ctx, org, `${name} Dos`);
  const i1 = await buildInvoice(ctx, org, c1.id, { issue: true });
  const i2 = await buildInvoice(ctx, org, c2.id, { issue: true });
  const draft = await buildInvoice(ctx, org, c1.id);
  const q1 = await buildQuote(ctx, org, c1.id, { send: true });
  const q2 = await buildQuote(ctx, org, c2.id, { send: true });
  const o1 = await buildSalesOrder(ctx, org, c1.id, { confirm: true });
  const o2 = await buildSalesOrder(ctx, org, c2.id, { confirm: true });
  const billed = await ctx.app.inject({
    method: "POST",
    url: `/api/sales-orders/${o1.id}/invoice`,
    headers: { cookie: org.cookie },
    payload: { lines: [{ salesOrderLineId: o1.lines[0]?.id, quantityMilli: 1000 }] },
  });
  if (billed.statusCode !== 201) throw new Error(`invoice order: ${billed.statusCode} ${billed.body}`);
  const [link] = await sendAndReadLinks(ctx, org, i1.id);
  await sendAndReadLinks(ctx, org, i2.id);
  if (!link) throw new Error("no link emailed");
  const { cookie } = await openLink(ctx, link);
  // An accepted quote, so the acceptance evidence table has rows for the RLS suite to read.
  const shown = await ctx.app.inject({ url: `/api/portal/${org.slug}/quotes/${q1.id}`, headers: { cookie } });
  const accepted = await ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/quotes/${q1.id}/accept`,
    headers: { cookie },
    payload: { signerName: `${name} Signer`, documentHash: shown.json().documentHash },
  });
  if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.statusCode} ${accepted.body}`);
  // Comments (a staff-only note, a shown one, a contact's) and a share, for the RLS suite to read.
  for (const visibleInPortal of [false, true]) {
    const staffNote = await ctx.app.inject({
      method: "POST",
      url: `/api/invoices/${i1.id}/comments`,
      headers: { cookie: org.cookie },
      payload: { body: `${name} staff note`, visibleInPortal },
    });
    if (staffNote.statusCode !== 201) throw new Error(`comment: ${staffNote.statusCode} ${staffNote.body}`);
  }
  for (const [path, payload] of [
    ["comments", { body: `${name} contact comment` }],
    [
      "share",
      {
        name: `${name} Colleague`,
        email: `colleague-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}@example.com`,
      },
    ],
  ] as const) {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/invoices/${i1.id}/${path}`,
      headers: { cookie },
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  }
  // A background job of the organisation, so the RLS suite reads the job queue too.
  await withOrg(ctx.database.db, org.orgId, (tx) =>
    enqueueJob(tx, { kind: "fixture.idle", orgId: org.orgId, payload: {}, key: `${name}-fixture` }),
  );
  // Projects with tasks, time (part of it invoiced) and a timesheet, for the crawlers and the RLS suite.
  const p1 = await buildProject(ctx, org, c1.id, { name: `${name} Project`, visibleInPortal: true });
  const p2 = await buildProject(ctx, org, c2.id, { name: `${name} Hidden project` });
  const withTask = await ctx.app.inject({
    method: "POST",
    url: `/api/projects/${p1.id}/tasks`,
    headers: { cookie: org.cookie },
    payload: { name: `${name} Task` },
  });
  const projectTaskId = withTask.json().tasks[0]?.id as string;
  const workDate = testToday();
  const entry = await logTime(ctx, org.cookie, {
    projectId: p1.id,
    taskId: projectTaskId,
    workDate,
    minutes: 60,
  });
  await logTime(ctx, org.cookie, { projectId: p1.id, workDate, minutes: 30 });
  await logTime(ctx, org.cookie, { projectId: p2.id, workDate, minutes: 15 });
  const invoicedTime = await ctx.app.inject({
    method: "POST",
    url: `/api/projects/${p2.id}/invoice`,
    headers: { cookie: org.cookie },
    payload: { from: workDate, to: workDate },
  });
  if (invoicedTime.statusCode !== 201)
    throw new Error(`invoice time: ${invoicedTime.statusCode} ${invoicedTime.body}`);
  await withOrg(ctx.database.db, org.orgId, async (tx) => {
    await tx.insert(timesheets).values({
      orgId: org.orgId,
      customerId: c1.id,
      projectId: p1.id,
      periodFrom: workDate,
      periodTo: workDate,
      entriesHash: "0".repeat(64),
      submittedBy: (await tx.select().from(memberships).limit(1))[0]?.userId as string,
      submittedAt: clock.now(),
    });
  });
  // Messages (E10): switched on, and a thread with an attachment per customer.
  await allowMessages(ctx, org, true);
  const threads: { id: string; attachmentId: string }[] = [];
  for (const c of [c1, c2]) {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/messages",
      headers: { cookie: org.cookie },
      payload: {
        customerId: c.id,
        subject: `${name} thread`,
        body: "Hello",
        attachments: [attachment("fixture.png", FILES.png)],
      },
    });
    if (res.statusCode !== 201) throw new Error(`message: ${res.statusCode} ${res.body}`);
    const t = res.json();
    threads.push({ id: t.id, attachmentId: t.messages[0].attachments[0].id });
  }
  const { taxId, emailId } = await withOrg(ctx.database.db, org.orgId, async (tx) => {
    const [t] = await tx.select().from(taxes).where(eq(taxes.isDefault, true));
    const [e] = await tx.select().from(emails).limit(1);
    return { taxId: t?.id ?? "", emailId: e?.id ?? "" };
  });
  return {
    org,
    customers: [c1, c2],
    invoices: [i1, i2],
    draft,
    quotes: [q1, q2],
    salesOrders: [billed.json().salesOrder, o2],
    projects: [p1, p2],
    projectTaskId,
    timeEntryId: entry.id,
    taxId,
    emailId,
    messageThreads: [threads[0]?.id ?? "", threads[1]?.id ?? ""],
    messageAttachments: [threads[0]?.attachmentId ?? "", threads[1]?.attachmentId ?? ""],
    contactCookie: cookie,
  };
}
