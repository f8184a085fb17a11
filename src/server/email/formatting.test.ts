import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer, EmailDetail, EmailSummary } from "../../shared/contracts/index.js";
import { daysFromToday } from "../test/dates.js";
import { buildOrg, openLink, type TestOrg } from "../test/factories.js";
import { createTestContext, type TestContext } from "../test/harness.js";

// Issue 10 item 8: dates and amounts in emails are formatted for the recipient's language.
let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Format Studio");
});
afterAll(() => ctx.close());

const RAW_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
type Lang = "es" | "en";

const api = (method: "GET" | "POST", url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: { cookie: org.cookie }, ...(payload ? { payload } : {}) });

async function customerIn(lang: Lang, name: string): Promise<Customer> {
  const res = await api("POST", "/api/customers", {
    name,
    language: lang,
    contacts: [{ name: `${name} Contact`, email: `${name.toLowerCase()}@example.com`, isPrimary: true }],
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function emailsTo(customer: Customer, kind: string): Promise<EmailDetail[]> {
  const addresses = new Set(customer.contacts.map((c) => c.email));
  const list = (await api("GET", `/api/outbox?kind=${kind}&limit=200`)).json().items as EmailSummary[];
  const mine = list.filter((e) => addresses.has(e.toAddress) && e.kind === kind);
  return Promise.all(mine.map(async (e) => (await api("GET", `/api/outbox/${e.id}`)).json()));
}

/** Spanish and English long dates, e.g. "5 de enero de 2027" / "5 January 2027". */
function longDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const es = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
  ];
  const en = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  return lang === "es" ? `${d} de ${es[m - 1]} de ${y}` : `${d} ${en[m - 1]} ${y}`;
}

// 10 × 1234.56 = 12345.60 with no tax: Spanish groups from five integer digits.
const LINES = [{ description: "Work", quantityMilli: 10_000, unitPriceMinor: 123456, taxIds: [] }];
const TOTAL: Record<Lang, string> = { es: "12.345,60\u00a0€", en: "€12,345.60" };

function expectFormatted(email: EmailDetail | undefined, lang: Lang, date: string | null) {
  expect(email).toBeDefined();
  const e = email as EmailDetail;
  for (const body of [e.subject, e.textBody, e.htmlBody]) expect(body).not.toMatch(RAW_DATE);
  expect(e.textBody).toContain(TOTAL[lang]);
  if (date) {
    expect(e.textBody).toContain(longDate(date, lang));
    expect(e.htmlBody).toContain(longDate(date, lang));
  }
}

describe.each(["es", "en"] as const)("emails in %s", (lang) => {
  test("invoice sent: due date and total", async () => {
    const customer = await customerIn(lang, `Inv${lang}`);
    const dueDate = daysFromToday(40);
    const created = await api("POST", "/api/invoices", { customerId: customer.id, dueDate, lines: LINES });
    expect(created.statusCode).toBe(201);
    const sent = await api("POST", `/api/invoices/${created.json().id}/send`, {});
    expect(sent.statusCode).toBe(200);
    const [email] = await emailsTo(customer, "invoice_sent");
    expectFormatted(email, lang, dueDate);
    expect(email?.textBody).toContain(lang === "es" ? "con vencimiento el" : "due on");
  });

  test("payment receipt: amount paid and amount still due", async () => {
    const customer = await customerIn(lang, `Pay${lang}`);
    const created = await api("POST", "/api/invoices", { customerId: customer.id, lines: LINES });
    expect((await api("POST", `/api/invoices/${created.json().id}/send`, {})).statusCode).toBe(200);
    const [sent] = await emailsTo(customer, "invoice_sent");
    const link = /https:\/\/portico\.test\/p\/[^\s]+\/l\/[A-Za-z0-9_-]+/.exec(sent?.textBody ?? "")?.[0];
    const opened = await openLink(ctx, link as string);
    expect(opened.status).toBe(303);
    const pay = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/invoices/${created.json().id}/pay`,
      headers: { cookie: opened.cookie },
      payload: { idempotencyKey: `fmt-${lang}-0001` },
    });
    expect(pay.statusCode).toBe(200);
    const checkout = await ctx.app.inject({
      method: "POST",
      url: pay.json().checkoutUrl.replace("https://portico.test", ""),
      headers: { cookie: opened.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: "action=succeeded",
    });
    expect(checkout.statusCode).toBe(303);
    expect((await ctx.app.inject({ url: String(checkout.headers.location) })).statusCode).toBe(303);
    const [receipt] = await emailsTo(customer, "payment_receipt");
    expectFormatted(receipt, lang, null);
    expect(receipt?.subject).toContain(TOTAL[lang]);
    expect(receipt?.textBody).toContain(lang === "es" ? "pendiente: 0,00\u00a0€" : "still due: €0.00");
    // The organisation's own notice is in its language (Spanish by default), amount formatted likewise.
    const notices = (
      (await api("GET", "/api/outbox?kind=staff_notification&limit=200")).json().items as EmailSummary[]
    ).filter(
      (e) =>
        e.kind === "staff_notification" && e.subject.includes(`Pago de ${TOTAL.es} recibido de Pay${lang}`),
    );
    expect(notices).toHaveLength(1);
  });

  test("quote sent: expiry date and total", async () => {
    const customer = await customerIn(lang, `Quo${lang}`);
    const expiryDate = daysFromToday(25);
    const created = await api("POST", "/api/quotes", { customerId: customer.id, expiryDate, lines: LINES });
    expect(created.statusCode).toBe(201);
    const sent = await api("POST", `/api/quotes/${created.json().id}/send`, {});
    expect(sent.statusCode).toBe(200);
    const [email] = await emailsTo(customer, "quote_sent");
    expectFormatted(email, lang, expiryDate);
    expect(email?.textBody).toContain(lang === "es" ? "válido hasta el" : "valid until");
  });

  test("sales order sent: delivery date and total", async () => {
    const customer = await customerIn(lang, `Ord${lang}`);
    const deliveryDate = daysFromToday(12);
    const created = await api("POST", "/api/sales-orders", {
      customerId: customer.id,
      deliveryDate,
      lines: LINES,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await api("POST", `/api/sales-orders/${id}/confirm`)).statusCode).toBe(200);
    expect((await api("POST", `/api/sales-orders/${id}/send`, {})).statusCode).toBe(200);
    const [email] = await emailsTo(customer, "sales_order_sent");
    expectFormatted(email, lang, deliveryDate);
  });
});
