import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail, PaymentDetail } from "../../../shared/contracts/index.js";
import { daysFromToday } from "../../test/dates.js";
import { buildInvoice, buildQuote } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { contactCookieFor, issuedInvoice, recordPayment, staffPost } from "../receipts/test-support.js";
import { buildSalesOrder } from "../sales-orders/test-support.js";

// Issue 10 item 7: a PDF is in the contact's language in the portal, the customer's when staff download
// it, whatever the browser says; `?lang=es|en` overrides.
const { ctx, org } = setUpTestApp("Lang Org");
/** Customer and contact in Spanish. */
let spanish: Customer;
let invoice: InvoiceDetail;
let payment: PaymentDetail;
let cookie: string;
/** A Spanish customer whose contact reads English. */
let mixedInvoice: InvoiceDetail;
let mixedCookie: string;

const pdfText = async (payload: Buffer) => (await new PDFParse({ data: payload }).getText()).text;

async function customer(name: string, language: "es" | "en", contactLanguage: "es" | "en" | null) {
  return staffPost<Customer>(ctx, org, "/api/customers", {
    name,
    language,
    contacts: [
      {
        name: `${name} Contact`,
        email: `${name.toLowerCase()}@example.com`,
        isPrimary: true,
        language: contactLanguage,
      },
    ],
  });
}

/** An issued invoice for the customer, and the cookie of its primary contact, signed in by the emailed link. */
async function openedInvoice(c: Customer): Promise<{ invoice: InvoiceDetail; cookie: string }> {
  const issued = await issuedInvoice(ctx, org, c.id);
  return { invoice: issued, cookie: await contactCookieFor(ctx, org, issued) };
}

beforeAll(async () => {
  spanish = await customer("Hispano", "es", null);
  ({ invoice, cookie } = await openedInvoice(spanish));
  payment = await recordPayment(ctx, org, {
    customerId: spanish.id,
    amountMinor: 5000,
    method: "transfer",
    paidOn: daysFromToday(-2),
    allocations: [{ invoiceId: invoice.id, amountMinor: 5000 }],
  });
  const mixed = await customer("Mixto", "es", "en");
  ({ invoice: mixedInvoice, cookie: mixedCookie } = await openedInvoice(mixed));
});

const get = (url: string, who: string) =>
  ctx.app.inject({ url, headers: { cookie: who, "accept-language": "en-GB,en;q=0.9" } });

async function textOf(url: string, who: string): Promise<string> {
  const res = await get(url, who);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers["content-type"]).toBe("application/pdf");
  return pdfText(res.rawPayload);
}

describe("portal downloads follow the contact, not the browser", () => {
  const portal = (path: string) => `/api/portal/${org.slug}${path}`;
  const cases = [
    ["invoice", () => `/invoices/${invoice.id}/pdf`, "Factura", "Invoice"],
    ["receipt", () => `/payments/${payment.id}/pdf`, "Recibo", "Receipt"],
    ["statement", () => "/statement/pdf", "Estado de cuenta", "Account statement"],
  ] as const;

  test.each(cases)(
    "%s: Spanish contact, English browser → Spanish; ?lang=en → English",
    async (_, path, es, en) => {
      const spanishText = await textOf(portal(path()), cookie);
      expect(spanishText).toContain(es);
      expect(spanishText).not.toContain(en);
      const sep = path().includes("?") ? "&" : "?";
      const englishText = await textOf(portal(`${path()}${sep}lang=en`), cookie);
      expect(englishText).toContain(en);
      expect(englishText).not.toContain(es);
    },
  );

  test("the contact's own language wins over its customer's", async () => {
    const text = await textOf(portal(`/invoices/${mixedInvoice.id}/pdf`), mixedCookie);
    expect(text).toContain("Invoice");
    const es = await textOf(portal(`/invoices/${mixedInvoice.id}/pdf?lang=es`), mixedCookie);
    expect(es).toContain("Factura");
  });

  test("an unknown ?lang is refused with a 400 problem", async () => {
    const res = await get(portal(`/invoices/${invoice.id}/pdf?lang=fr`), cookie);
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe("VALIDATION_FAILED");
  });
});

describe("staff downloads follow the customer, not the staff browser", () => {
  test.each([
    ["invoice", async () => `/api/invoices/${invoice.id}/pdf`, "Factura", "Invoice"],
    ["receipt", async () => `/api/payments/${payment.id}/pdf`, "Recibo", "Receipt"],
    [
      "statement",
      async () => `/api/customers/${spanish.id}/statement/pdf`,
      "Estado de cuenta",
      "Account statement",
    ],
    [
      "quote",
      async () => `/api/quotes/${(await buildQuote(ctx, org, spanish.id)).id}/pdf`,
      "Presupuesto",
      "Quote",
    ],
    [
      "credit note",
      async () =>
        `/api/invoices/${(await buildInvoice(ctx, org, spanish.id, { kind: "credit_note", issue: true })).id}/pdf`,
      // A Spanish organisation's credit note is a rectifying invoice (decision 051).
      "Factura rectificativa",
      "Corrective invoice",
    ],
    [
      "sales order",
      async () =>
        `/api/sales-orders/${(await buildSalesOrder(ctx, org, spanish.id, { confirm: true })).id}/pdf`,
      "Pedido de venta",
      "Sales order",
    ],
  ] as const)("%s: Spanish customer → Spanish; ?lang=en → English", async (_, url, es, en) => {
    const path = await url();
    const spanishText = await textOf(path, org.cookie);
    expect(spanishText).toContain(es);
    expect(spanishText).not.toContain(en);
    const englishText = await textOf(`${path}?lang=en`, org.cookie);
    expect(englishText).toContain(en);
    expect(englishText).not.toContain(es);
  });

  test("an unknown ?lang is refused with a 400 problem", async () => {
    const res = await get(`/api/customers/${spanish.id}/statement/pdf?lang=de`, org.cookie);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("VALIDATION_FAILED");
  });
});
