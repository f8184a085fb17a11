import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer, EmailDetail, EmailSummary } from "../../../shared/contracts/index.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Sender Studio");
});
afterAll(() => ctx.close());

const LINK = /https:\/\/portico\.test\/p\/[a-z0-9-]+\/l\/[A-Za-z0-9_-]{43}/;

async function setPortal(portalEnabled: boolean, deliveryMode: "pdf" | "link" | "both") {
  const res = await ctx.app.inject({
    method: "PUT",
    url: "/api/portal-settings",
    headers: { cookie: org.cookie },
    payload: { portalEnabled, portalSlug: org.slug, deliveryMode },
  });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({
    portalEnabled,
    deliveryMode,
    portalUrl: `https://portico.test/p/${org.slug}`,
  });
}

async function send(invoiceId: string, headers: Record<string, string> = {}) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${invoiceId}/send`,
    headers: { cookie: org.cookie, ...headers },
    payload: {},
  });
}

/** The outbox emails addressed to a customer's contacts, read in full as staff read them. */
async function emailsTo(customer: Customer): Promise<EmailDetail[]> {
  const addresses = new Set(customer.contacts.map((c) => c.email));
  const res = await ctx.app.inject({ url: "/api/outbox?limit=200", headers: { cookie: org.cookie } });
  expect(res.statusCode).toBe(200);
  const mine = (res.json().items as EmailSummary[]).filter((e) => addresses.has(e.toAddress));
  return Promise.all(
    mine.map(async (e) =>
      (await ctx.app.inject({ url: `/api/outbox/${e.id}`, headers: { cookie: org.cookie } })).json(),
    ),
  );
}

async function sendFresh(name: string) {
  const customer = await buildCustomer(ctx, org, name);
  const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
  const res = await send(invoice.id);
  expect(res.statusCode).toBe(200);
  const emails = await emailsTo(customer);
  expect(emails).toHaveLength(2);
  return { customer, invoice, result: res.json(), emails };
}

describe("delivery modes", () => {
  test('"pdf": the PDF is attached and there is no link', async () => {
    await setPortal(true, "pdf");
    const { emails, result } = await sendFresh("Pdf Mode Customer");
    expect(result.deliveryMode).toBe("pdf");
    for (const e of emails) {
      expect(e.attachmentNames).toHaveLength(1);
      expect(e.attachmentNames[0]).toMatch(/^F\d{4}-\d{4}\.pdf$/);
      expect(e.textBody).not.toMatch(LINK);
      expect(e.htmlBody).not.toContain("/l/");
      expect(e.textBody).toContain("Adjuntamos la factura en PDF.");
    }
  });

  test('"link": a personal link and no attachment', async () => {
    await setPortal(true, "link");
    const { emails, result } = await sendFresh("Link Mode Customer");
    expect(result.deliveryMode).toBe("link");
    const links = emails.map((e) => e.textBody.match(LINK)?.[0]);
    for (const [i, e] of emails.entries()) {
      expect(e.attachmentNames).toEqual([]);
      expect(links[i]).toBeDefined();
      expect(e.htmlBody).toContain(`href="${links[i]}"`);
      expect(e.textBody).not.toContain("PDF");
    }
    // One link per contact: each is personal
    expect(new Set(links).size).toBe(2);
  });

  test('"both": the link and the attachment', async () => {
    await setPortal(true, "both");
    const { emails, result } = await sendFresh("Both Mode Customer");
    expect(result.deliveryMode).toBe("both");
    for (const e of emails) {
      expect(e.attachmentNames).toHaveLength(1);
      expect(e.textBody).toMatch(LINK);
    }
  });

  test("with the portal off the PDF is attached whatever the mode, and no link is given", async () => {
    await setPortal(false, "link");
    try {
      const { emails, result } = await sendFresh("Portal Off Customer");
      expect(result.deliveryMode).toBe("pdf");
      for (const e of emails) {
        expect(e.attachmentNames).toHaveLength(1);
        expect(e.textBody).not.toMatch(LINK);
      }
    } finally {
      await setPortal(true, "both");
    }
  });
});

describe("sending", () => {
  test("marks the invoice sent; the email is in the outbox with a downloadable PDF", async () => {
    await setPortal(true, "both");
    const { customer, invoice, result, emails } = await sendFresh("Outbox Customer");
    expect(result.recipients.map((r: { email: string }) => r.email).sort()).toEqual(
      customer.contacts.map((c) => c.email).sort(),
    );
    const after = await ctx.app.inject({
      url: `/api/invoices/${invoice.id}`,
      headers: { cookie: org.cookie },
    });
    expect(after.json().status).toBe("sent");
    expect(after.json().sentAt).not.toBeNull();

    const email = emails[0] as EmailDetail;
    expect(email).toMatchObject({ kind: "invoice_sent", status: "outbox", error: null });
    expect(email.subject).toBe(`Factura ${invoice.number} de Sender Studio`);
    expect(email.textBody).toContain("242,00");
    const pdf = await ctx.app.inject({
      url: `/api/outbox/${email.id}/attachments/0`,
      headers: { cookie: org.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="${invoice.number}.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const missing = await ctx.app.inject({
      url: `/api/outbox/${email.id}/attachments/1`,
      headers: { cookie: org.cookie },
    });
    expect(missing.statusCode).toBe(404);
  });

  test("sending a draft issues it first", async () => {
    const customer = await buildCustomer(ctx, org, "Draft Send Customer");
    const draft = await buildInvoice(ctx, org, customer.id);
    expect((await send(draft.id)).statusCode).toBe(200);
    const after = (
      await ctx.app.inject({ url: `/api/invoices/${draft.id}`, headers: { cookie: org.cookie } })
    ).json();
    expect(after.status).toBe("sent");
    expect(after.number).toMatch(/^F\d{4}-\d{4}$/);
  });

  test("each contact gets the email in their own language", async () => {
    const customer = await buildCustomer(ctx, org, "Bilingual Customer", [
      { name: "Ana", email: `ana-${Date.now()}@example.com`, language: "es", isPrimary: true },
      { name: "John", email: `john-${Date.now()}@example.com`, language: "en" },
    ]);
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    expect((await send(invoice.id)).statusCode).toBe(200);
    const emails = await emailsTo(customer);
    const ana = emails.find((e) => e.toName === "Ana");
    const john = emails.find((e) => e.toName === "John");
    expect(ana?.subject).toBe(`Factura ${invoice.number} de Sender Studio`);
    expect(ana?.textBody).toMatch(/^Hola Ana:/);
    expect(ana?.textBody).toContain("242,00\u00a0€");
    expect(john?.subject).toBe(`Invoice ${invoice.number} from Sender Studio`);
    expect(john?.textBody).toMatch(/^Hello John,/);
    expect(john?.textBody).toContain("€242.00");
  });

  test("the link is built from PUBLIC_URL, never from the Host or X-Forwarded-Host headers", async () => {
    await setPortal(true, "link");
    const customer = await buildCustomer(ctx, org, "Host Header Customer");
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const res = await send(invoice.id, { host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(res.statusCode).toBe(200);
    const emails = await emailsTo(customer);
    for (const e of emails) {
      expect(e.textBody).toMatch(LINK);
      expect(e.textBody).not.toContain("evil.example");
      expect(e.htmlBody).not.toContain("evil.example");
    }
    await setPortal(true, "both");
  });

  test("names a customer wrote are escaped in the HTML body and left as written in the text body", async () => {
    const script = "<script>alert(1)</script>";
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/customers",
      headers: { cookie: org.cookie },
      payload: {
        name: `${script} Ltd`,
        contacts: [{ name: `Eve ${script}`, email: `eve-${Date.now()}@example.com`, isPrimary: true }],
      },
    });
    const customer: Customer = res.json();
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    expect((await send(invoice.id)).statusCode).toBe(200);
    const [email] = await emailsTo(customer);
    expect(email?.htmlBody).not.toContain("<script");
    expect(email?.htmlBody).toContain("Eve &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email?.textBody).toContain(`Hola Eve ${script}:`);
    expect(email?.toName).toBe(`Eve ${script}`);
  });

  test("a customer without a contact email cannot be sent to, and the invoice is unchanged", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/customers",
      headers: { cookie: org.cookie },
      payload: { name: "No Email Customer", contacts: [{ name: "Silent" }] },
    });
    const invoice = await buildInvoice(ctx, org, res.json().id, { issue: true });
    const sent = await send(invoice.id);
    expect(sent.statusCode).toBe(422);
    expect(sent.json().code).toBe("CUSTOMER_HAS_NO_CONTACT_EMAIL");
    const after = await ctx.app.inject({
      url: `/api/invoices/${invoice.id}`,
      headers: { cookie: org.cookie },
    });
    expect(after.json()).toMatchObject({ status: "issued", sentAt: null });
  });
});
