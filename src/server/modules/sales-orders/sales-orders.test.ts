import { readFileSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  Customer,
  InvoiceDetail,
  SalesOrderDetail,
  SalesOrderSummary,
} from "../../../shared/contracts/index.js";
import { emails, numberSeries } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildOrg, buildQuote, openLink, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { acceptAsContact, contactCookieFor } from "../quotes/test-support.js";
import { buildSalesOrder, staffApi } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;
let customer: Customer;
let api: ReturnType<typeof staffApi>;

const year = () => testToday().slice(0, 4);

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Orders Org");
  customer = await buildCustomer(ctx, org, "Orders Customer");
  api = staffApi(ctx, org);
});
afterAll(() => ctx.close());

const refused = (res: { statusCode: number; json(): { code: string } }) => [res.statusCode, res.json().code];
const detail = async (id: string): Promise<SalesOrderDetail> =>
  (await api("GET", `/api/sales-orders/${id}`)).json();
const invoice = (id: string, payload: unknown = {}) =>
  api("POST", `/api/sales-orders/${id}/invoice`, payload);

describe("sales order drafts", () => {
  test("a draft is priced like an invoice, editable, and has no number", async () => {
    const o = await buildSalesOrder(ctx, org, customer.id, { reference: "PO-77" });
    expect(o).toMatchObject({
      status: "draft",
      number: null,
      reference: "PO-77",
      customerName: customer.name,
    });
    // 10 × 45.00 + 2.5 × 30.00 − 10 % = 450.00 + 67.50 net, VAT 21 %.
    expect(o.netMinor).toBe(45000 + 6750);
    expect(o.totalMinor).toBe(o.netMinor + o.taxMinor);
    expect(o.lines.map((l) => [l.quantityMilli, l.invoicedQuantityMilli, l.remainingQuantityMilli])).toEqual([
      [10_000, 0, 10_000],
      [2500, 0, 2500],
    ]);
    const updated = await api("PUT", `/api/sales-orders/${o.id}`, {
      customerId: customer.id,
      lines: [{ description: "Tables", quantityMilli: 3000, unitPriceMinor: 10000 }],
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().lines.map((l: { description: string }) => l.description)).toEqual(["Tables"]);
  });

  test("invalid input names the field and changes nothing", async () => {
    const zero = await api("POST", "/api/sales-orders", {
      customerId: customer.id,
      lines: [{ description: "Nothing", quantityMilli: 0, unitPriceMinor: 100 }],
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].field).toContain("lines.0.quantityMilli");
    const other = await api("POST", "/api/sales-orders", {
      customerId: "00000000-0000-4000-8000-000000000000",
      lines: [],
    });
    expect(other.statusCode).toBe(404);
  });

  test("confirming takes the next PV number; only drafts with lines confirm or change", async () => {
    const empty = await buildSalesOrder(ctx, org, customer.id, { lines: [] });
    expect(refused(await api("POST", `/api/sales-orders/${empty.id}/confirm`))).toEqual([
      422,
      "SALES_ORDER_EMPTY",
    ]);
    const o = await buildSalesOrder(ctx, org, customer.id, { confirm: true });
    expect(o.status).toBe("confirmed");
    expect(o.number).toMatch(new RegExp(`^PV${year()}-\\d{4}$`));
    expect(o.confirmedAt).not.toBeNull();
    expect(refused(await api("POST", `/api/sales-orders/${o.id}/confirm`))).toEqual([
      409,
      "SALES_ORDER_NOT_DRAFT",
    ]);
    const edit = await api("PUT", `/api/sales-orders/${o.id}`, { customerId: customer.id, lines: [] });
    expect(refused(edit)).toEqual([409, "SALES_ORDER_NOT_DRAFT"]);
  });

  test("list filters by status and customer and searches number, reference and customer", async () => {
    const other = await buildCustomer(ctx, org, "Zeta Listing");
    const a = await buildSalesOrder(ctx, org, other.id, { confirm: true, reference: "REF-UNIQUE-9" });
    const b = await buildSalesOrder(ctx, org, other.id);
    const ids = async (qs: string) =>
      ((await api("GET", `/api/sales-orders?${qs}`)).json().items as SalesOrderSummary[]).map((s) => s.id);
    expect(await ids(`customerId=${other.id}`)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(`customerId=${other.id}&status=draft`)).toEqual([b.id]);
    expect(await ids("q=REF-UNIQUE")).toEqual([a.id]);
    expect(await ids(`q=${a.number}`)).toEqual([a.id]);
    expect(await ids("q=Zeta Listing")).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await api("GET", "/api/sales-orders?status=bogus")).statusCode).toBe(400);
  });
});

describe("invoicing a sales order", () => {
  test("a draft cannot be invoiced or sent; a void one cannot either", async () => {
    const o = await buildSalesOrder(ctx, org, customer.id);
    expect(refused(await invoice(o.id))).toEqual([409, "SALES_ORDER_NOT_CONFIRMED"]);
    expect(refused(await api("POST", `/api/sales-orders/${o.id}/send`, {}))).toEqual([
      409,
      "SALES_ORDER_NOT_CONFIRMED",
    ]);
    expect((await api("POST", `/api/sales-orders/${o.id}/void`)).json().status).toBe("void");
    expect(refused(await invoice(o.id))).toEqual([409, "SALES_ORDER_VOID"]);
    expect(refused(await api("POST", `/api/sales-orders/${o.id}/void`))).toEqual([409, "SALES_ORDER_VOID"]);
    expect(refused(await api("POST", `/api/sales-orders/${o.id}/confirm`))).toEqual([
      409,
      "SALES_ORDER_VOID",
    ]);
    expect(refused(await api("POST", `/api/sales-orders/${o.id}/send`, {}))).toEqual([
      409,
      "SALES_ORDER_VOID",
    ]);
  });

  test("part, then the rest: draft invoices through the invoices service, status follows", async () => {
    const o = await buildSalesOrder(ctx, org, customer.id, { confirm: true });
    const [chairs, assembly] = o.lines as [SalesOrderDetail["lines"][0], SalesOrderDetail["lines"][0]];
    const first = await invoice(o.id, { lines: [{ salesOrderLineId: chairs.id, quantityMilli: 4000 }] });
    expect(first.statusCode).toBe(201);
    const { invoiceId, salesOrder } = first.json();
    expect(salesOrder.status).toBe("partially_invoiced");
    expect(salesOrder.lines.map((l: { remainingQuantityMilli: number }) => l.remainingQuantityMilli)).toEqual(
      [6000, 2500],
    );
    const inv: InvoiceDetail = (await api("GET", `/api/invoices/${invoiceId}`)).json();
    expect(inv).toMatchObject({ status: "draft", customerId: customer.id, netMinor: 4 * 4500 });
    expect(inv.lines).toHaveLength(1);
    expect(inv.lines[0]).toMatchObject({ description: "Chairs", quantityMilli: 4000, unitPriceMinor: 4500 });

    const over = await invoice(o.id, { lines: [{ salesOrderLineId: chairs.id, quantityMilli: 6001 }] });
    expect(refused(over)).toEqual([422, "SALES_ORDER_OVER_INVOICED"]);
    expect(over.json().errors[0].field).toBe("body.lines.0.quantityMilli");
    const foreign = await invoice(o.id, {
      lines: [{ salesOrderLineId: "00000000-0000-4000-8000-000000000000", quantityMilli: 1 }],
    });
    expect(refused(foreign)).toEqual([400, "VALIDATION_FAILED"]);
    const twice = await invoice(o.id, {
      lines: [
        { salesOrderLineId: assembly.id, quantityMilli: 1 },
        { salesOrderLineId: assembly.id, quantityMilli: 1 },
      ],
    });
    expect(refused(twice)).toEqual([400, "VALIDATION_FAILED"]);
    expect((await detail(o.id)).invoices).toHaveLength(1);

    const rest = await invoice(o.id);
    expect(rest.statusCode).toBe(201);
    const after: SalesOrderDetail = rest.json().salesOrder;
    expect(after.status).toBe("invoiced");
    expect(after.lines.every((l) => l.remainingQuantityMilli === 0)).toBe(true);
    const restInvoice: InvoiceDetail = (await api("GET", `/api/invoices/${rest.json().invoiceId}`)).json();
    expect(restInvoice.lines.map((l) => [l.description, l.quantityMilli])).toEqual([
      ["Chairs", 6000],
      ["Assembly", 2500],
    ]);
    expect(after.invoices.map((i) => i.id)).toEqual([invoiceId, rest.json().invoiceId]);
    expect(refused(await invoice(o.id))).toEqual([409, "SALES_ORDER_NOTHING_TO_INVOICE"]);
    expect(refused(await api("POST", `/api/sales-orders/${o.id}/void`))).toEqual([
      409,
      "SALES_ORDER_NOT_VOIDABLE",
    ]);
  });

  test("a voided invoice gives its quantities back; an edited draft keeps its order lines", async () => {
    const o = await buildSalesOrder(ctx, org, customer.id, { confirm: true });
    const res = await invoice(o.id);
    const invoiceId = res.json().invoiceId as string;
    expect(res.json().salesOrder.status).toBe("invoiced");
    // Editing the draft invoice: lower the first line's quantity; the order sees it.
    const inv: InvoiceDetail = (await api("GET", `/api/invoices/${invoiceId}`)).json();
    const edit = (q: number) =>
      api("PUT", `/api/invoices/${invoiceId}`, {
        customerId: customer.id,
        lines: inv.lines.map((l, i) => ({
          description: l.description,
          quantityMilli: i === 0 ? q : l.quantityMilli,
          unitPriceMinor: l.unitPriceMinor,
          discountBp: l.discountBp,
        })),
      });
    expect((await edit(5000)).statusCode).toBe(200);
    expect((await detail(o.id)).lines[0]?.invoicedQuantityMilli).toBe(5000);
    expect((await detail(o.id)).status).toBe("partially_invoiced");
    expect(refused(await edit(10_001))).toEqual([422, "SALES_ORDER_OVER_INVOICED"]);
    const other = await buildCustomer(ctx, org, "Other Billing Customer");
    const moved = await api("PUT", `/api/invoices/${invoiceId}`, { customerId: other.id, lines: [] });
    expect(refused(moved)).toEqual([400, "VALIDATION_FAILED"]);
    expect(moved.json().errors[0].field).toBe("body.customerId");
    expect((await detail(o.id)).lines[0]?.invoicedQuantityMilli).toBe(5000);
    // Issue and void it: everything is open again.
    expect((await api("POST", `/api/invoices/${invoiceId}/issue`)).statusCode).toBe(200);
    expect((await api("POST", `/api/invoices/${invoiceId}/void`)).statusCode).toBe(200);
    const back = await detail(o.id);
    expect(back.status).toBe("confirmed");
    expect(back.lines.map((l) => l.invoicedQuantityMilli)).toEqual([0, 0]);
    expect(back.invoices.map((i) => [i.id, i.status])).toEqual([[invoiceId, "void"]]);
    // With no live invoice the order may be voided.
    expect((await api("POST", `/api/sales-orders/${o.id}/void`)).json().status).toBe("void");
  });

  test("property: over random partial invoicing (and voids), invoiced ≤ ordered and invoiced + remaining = ordered", async () => {
    const c = await buildCustomer(ctx, org, "Property Customer");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.record({
            line: fc.nat(),
            quantity: fc.integer({ min: 1, max: 6000 }),
            all: fc.boolean(),
            voidIt: fc.boolean(),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        async (quantities, steps) => {
          const o = await buildSalesOrder(ctx, org, c.id, {
            confirm: true,
            lines: quantities.map((q, i) => ({
              description: `L${i}`,
              quantityMilli: q,
              unitPriceMinor: 100,
            })),
          });
          for (const s of steps) {
            const line = o.lines[s.line % o.lines.length] as SalesOrderDetail["lines"][0];
            const res = await invoice(
              o.id,
              s.all ? {} : { lines: [{ salesOrderLineId: line.id, quantityMilli: s.quantity }] },
            );
            expect([201, 409, 422]).toContain(res.statusCode);
            if (res.statusCode === 201 && s.voidIt) {
              await api("POST", `/api/invoices/${res.json().invoiceId}/issue`);
              expect((await api("POST", `/api/invoices/${res.json().invoiceId}/void`)).statusCode).toBe(200);
            }
            const now = await detail(o.id);
            for (const l of now.lines) {
              expect(l.invoicedQuantityMilli).toBeLessThanOrEqual(l.quantityMilli);
              expect(l.invoicedQuantityMilli).toBeGreaterThanOrEqual(0);
              expect(l.invoicedQuantityMilli + l.remainingQuantityMilli).toBe(l.quantityMilli);
            }
            // The order's view agrees with its live invoices' lines.
            const billed = new Map<string, number>();
            for (const i of now.invoices.filter((x) => x.status !== "void")) {
              const inv: InvoiceDetail = (await api("GET", `/api/invoices/${i.id}`)).json();
              for (const [k, l] of inv.lines.entries()) {
                const key = now.lines.find((ol) => ol.description === l.description)?.id ?? String(k);
                billed.set(key, (billed.get(key) ?? 0) + l.quantityMilli);
              }
            }
            for (const l of now.lines) expect(billed.get(l.id) ?? 0).toBe(l.invoicedQuantityMilli);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe("sending, PDF and quote conversion", () => {
  test("send emails a personal link that opens /p/<slug>/sales-orders/<id>", async () => {
    const o = await buildSalesOrder(ctx, org, customer.id, { confirm: true, reference: "PO-SEND" });
    const res = await api("POST", `/api/sales-orders/${o.id}/send`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().salesOrder.sentAt).not.toBeNull();
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(emails).where(eq(emails.kind, "sales_order_sent")),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.subject).toContain(o.number as string);
    const link = /https:\/\/portico\.test\/p\/[^\s]+\/l\/[A-Za-z0-9_-]+/.exec(rows[0]?.textBody ?? "")?.[0];
    if (!link) throw new Error("no link");
    const opened = await openLink(ctx, link);
    expect([opened.status, opened.location]).toEqual([303, `/p/${org.slug}/sales-orders/${o.id}`]);
  });

  test("the PDF is titled Sales order / Pedido de venta with the number and lines", async () => {
    const o = await buildSalesOrder(ctx, org, customer.id, { confirm: true });
    for (const [lang, title] of [
      ["en", "Sales order"],
      ["es", "Pedido de venta"],
    ] as const) {
      const res = await ctx.app.inject({
        url: `/api/sales-orders/${o.id}/pdf`,
        headers: { cookie: org.cookie, "accept-language": lang },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      const text = (await new PDFParse({ data: res.rawPayload }).getText()).text;
      expect(text).toContain(title);
      expect(text).toContain(o.number as string);
      expect(text).toContain("Chairs");
    }
  });

  test("an accepted quote converts to a draft sales order once; then not to an invoice", async () => {
    const c = await buildCustomer(ctx, org, "Quote Order Customer");
    const q = await buildQuote(ctx, org, c.id);
    const { cookie } = await contactCookieFor(ctx, org, c, q.id);
    const early = await api("POST", `/api/quotes/${q.id}/convert`, { target: "sales_order" });
    expect(refused(early)).toEqual([409, "QUOTE_NOT_ACCEPTED"]);
    expect((await acceptAsContact(ctx, org, cookie, q.id)).statusCode).toBe(200);
    const res = await api("POST", `/api/quotes/${q.id}/convert`, { target: "sales_order" });
    expect(res.statusCode).toBe(200);
    expect(res.json().quote.status).toBe("accepted");
    const o = await detail(res.json().salesOrderId);
    expect(o).toMatchObject({ status: "draft", quoteId: q.id, customerId: c.id, totalMinor: q.totalMinor });
    expect(refused(await api("POST", `/api/quotes/${q.id}/convert`, { target: "sales_order" }))).toEqual([
      409,
      "QUOTE_ALREADY_ORDERED",
    ]);
    expect(refused(await api("POST", `/api/quotes/${q.id}/convert`, {}))).toEqual([
      409,
      "QUOTE_ALREADY_ORDERED",
    ]);
    expect((await api("POST", `/api/quotes/${q.id}/convert`, { target: "nope" })).statusCode).toBe(400);
  });
});

describe("numbering", () => {
  test("8 concurrent confirms get 1…8 of the PV series, each once", async () => {
    const o2 = await buildOrg(ctx, "Concurrent Orders");
    const c = await buildCustomer(ctx, o2, "Concurrent Customer");
    const drafts = await Promise.all(Array.from({ length: 8 }, () => buildSalesOrder(ctx, o2, c.id)));
    const results = await Promise.all(
      drafts.map((d) =>
        ctx.app.inject({
          method: "POST",
          url: `/api/sales-orders/${d.id}/confirm`,
          headers: { cookie: o2.cookie },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);
    const seqs = results.map((r) => Number((r.json().number as string).slice(`PV${year()}-`.length)));
    expect(seqs.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  }, 60_000);

  test("the migration gives an older organisation its PV series, once", async () => {
    const older = await buildOrg(ctx, "Older Orders Org");
    const series = () =>
      withOrg(ctx.database.db, older.orgId, (tx) =>
        tx
          .select()
          .from(numberSeries)
          .where(and(eq(numberSeries.documentType, "sales_order"), eq(numberSeries.orgId, older.orgId))),
      );
    expect(await series()).toHaveLength(1);
    await withOrg(ctx.database.db, older.orgId, (tx) =>
      tx.delete(numberSeries).where(eq(numberSeries.documentType, "sales_order")),
    );
    const migration = readFileSync(
      new URL("../../db/migrations/0005_sales_orders.sql", import.meta.url),
      "utf8",
    );
    const block = migration.slice(migration.lastIndexOf("DO $$"));
    for (let i = 0; i < 2; i++) await ctx.database.db.transaction((tx) => tx.execute(sql.raw(block)));
    expect((await series()).map((s) => [s.prefix, s.name, s.isDefault])).toEqual([
      ["PV", "Pedidos de venta", true],
    ]);
  });
});

describe("tenancy", () => {
  test("another organisation's staff get 404 for every sales order route", async () => {
    const o = await buildSalesOrder(ctx, org, customer.id, { confirm: true });
    const other = await buildOrg(ctx, "Other Orders Org");
    const as = staffApi(ctx, other);
    for (const [method, path, body] of [
      ["GET", "", undefined],
      ["PUT", "", { customerId: customer.id, lines: [] }],
      ["POST", "/confirm", undefined],
      ["POST", "/invoice", {}],
      ["POST", "/send", {}],
      ["POST", "/void", undefined],
      ["GET", "/pdf", undefined],
    ] as const) {
      expect(
        (await as(method, `/api/sales-orders/${o.id}${path}`, body)).statusCode,
        `${method} ${path}`,
      ).toBe(404);
    }
    expect(((await as("GET", "/api/sales-orders")).json().items as unknown[]).length).toBe(0);
    expect((await detail(o.id)).status).toBe("confirmed");
  });
});
