import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { type ParsedMail, simpleParser } from "mailparser";
import { PDFParse } from "pdf-parse";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer, EmailSummary } from "../../shared/contracts/index.js";
import { emails } from "../db/schema/index.js";
import { withSystem } from "../db/scope.js";
import { testJobRunner } from "../jobs/test-support.js";
import { buildCustomer, buildInvoice, buildOrg, putPortalSettings, type TestOrg } from "../test/factories.js";
import { createTestContext, type TestContext } from "../test/harness.js";

/** A real SMTP server on a random loopback port that keeps what it receives. */
interface Received {
  envelopeTo: string[];
  mail: ParsedMail;
}

let ctx: TestContext;
let org: TestOrg;
let server: SMTPServer;
const received: Received[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("bounce-")) return callback(new Error("550 mailbox unavailable"));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    const net = server.listen(0, "127.0.0.1", () => resolve((net.address() as AddressInfo).port));
  });
  ctx = await createTestContext({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: "Portico <billing@portico.test>",
  });
  org = await buildOrg(ctx, "Smtp Studio");
  const res = await putPortalSettings(ctx, org, { portalEnabled: true, deliveryMode: "both" });
  expect(res.statusCode).toBe(200);
});

afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function outboxOf(customer: Customer): Promise<EmailSummary[]> {
  const addresses = new Set(customer.contacts.map((c) => c.email));
  const res = await ctx.app.inject({ url: "/api/outbox?limit=200", headers: { cookie: org.cookie } });
  return (res.json().items as EmailSummary[]).filter((e) => addresses.has(e.toAddress));
}

/** Delivery runs after the sending transaction commits: poll the outbox, within a bound. */
async function waitUntilSent(customer: Customer, count: number): Promise<EmailSummary[]> {
  for (let i = 0; i < 100; i++) {
    const rows = await outboxOf(customer);
    if (rows.length === count && rows.every((e) => e.status !== "queued")) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `emails to ${customer.name} not delivered in time: ${JSON.stringify(await outboxOf(customer))}`,
  );
}

const send = (invoiceId: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${invoiceId}/send`,
    headers: { cookie: org.cookie },
    payload: {},
  });

describe("email through SMTP", () => {
  test("sending an invoice delivers it over SMTP, with the PDF, and marks the outbox row sent", async () => {
    const customer = await buildCustomer(ctx, org, "Smtp Customer");
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const res = await send(invoice.id);
    expect(res.statusCode).toBe(200);

    const rows = await waitUntilSent(customer, 2);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    const detail = (
      await ctx.app.inject({ url: `/api/outbox/${rows[0]?.id}`, headers: { cookie: org.cookie } })
    ).json();
    expect(detail.error).toBeNull();

    const primary = customer.contacts.find((c) => c.isPrimary);
    const got = received.filter((r) => r.envelopeTo.includes(primary?.email as string));
    expect(got).toHaveLength(1);
    const mail = got[0]?.mail as ParsedMail;
    expect(mail.subject).toBe(`Factura ${invoice.number} de Smtp Studio`);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
      { address: primary?.email, name: primary?.name },
    ]);
    expect(mail.from?.value).toEqual([{ address: "billing@portico.test", name: "Smtp Studio" }]);
    expect(mail.text).toMatch(/https:\/\/portico\.test\/p\/[a-z0-9-]+\/l\/[A-Za-z0-9_-]{43}/);
    expect(mail.html).toContain("Ver factura");

    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf?.contentType).toBe("application/pdf");
    expect(pdf?.filename).toBe(`${invoice.number}.pdf`);
    const parser = new PDFParse({ data: new Uint8Array(pdf?.content as Buffer) });
    try {
      expect((await parser.getText()).text).toContain(invoice.number);
    } finally {
      await parser.destroy();
    }
  });

  test("invoices sent one after another are each delivered exactly once", async () => {
    const customer = await buildCustomer(ctx, org, "Burst Customer");
    const invoices = [];
    for (let i = 0; i < 3; i++) invoices.push(await buildInvoice(ctx, org, customer.id, { issue: true }));
    for (const inv of invoices) expect((await send(inv.id)).statusCode).toBe(200);
    const rows = await waitUntilSent(customer, 6);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    // Let any duplicate delivery still in flight arrive before counting.
    await new Promise((r) => setTimeout(r, 200));
    const addresses = new Set(customer.contacts.map((c) => c.email as string));
    const mine = received.filter((r) => r.envelopeTo.some((a) => addresses.has(a)));
    expect(mine.map((r) => `${r.envelopeTo.join()} ${r.mail.subject}`).sort()).toEqual(
      invoices
        .flatMap((inv) => [...addresses].map((a) => `${a} Factura ${inv.number} de Smtp Studio`))
        .sort(),
    );
  });

  test("a refused recipient leaves the email queued with the server's error, for a later retry", async () => {
    const customer = await buildCustomer(ctx, org, "Bouncing Customer", [
      { name: "Bob", email: `bounce-${Date.now()}@example.com` },
    ]);
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    expect((await send(invoice.id)).statusCode).toBe(200);
    let detail: { status: string; error: string | null } | undefined;
    for (let i = 0; i < 100 && !detail?.error; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const [row] = await outboxOf(customer);
      detail = (
        await ctx.app.inject({ url: `/api/outbox/${row?.id}`, headers: { cookie: org.cookie } })
      ).json();
    }
    expect(detail?.status).toBe("queued");
    expect(detail?.error).toMatch(/550 mailbox unavailable/);
    expect(received.some((r) => r.envelopeTo.includes(customer.contacts[0]?.email as string))).toBe(false);
  });

  test("a queued email written before the job runner (no job of its own) is delivered by the back-fill", async () => {
    const id = randomUUID();
    await withSystem(ctx.database.db, (tx) =>
      tx.insert(emails).values({
        id,
        orgId: org.orgId,
        kind: "legacy",
        toAddress: "legacy@example.com",
        subject: "Left queued by an older version",
        textBody: "hello",
        htmlBody: "<p>hello</p>",
        status: "queued",
      }),
    );
    await testJobRunner(ctx).drain();
    const [row] = await withSystem(ctx.database.db, (tx) =>
      tx.select().from(emails).where(eq(emails.id, id)),
    );
    expect(row?.status).toBe("sent");
    expect(received.filter((r) => r.envelopeTo.includes("legacy@example.com"))).toHaveLength(1);
  });
});
