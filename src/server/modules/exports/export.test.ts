import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceSummary } from "../../../shared/contracts/index.js";
import { minorToDecimalString } from "../../../shared/money/index.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  buildQuote,
  recordPayment,
  type TestOrg,
} from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { buildSalesOrder } from "../sales-orders/test-support.js";
import { setExportMaxRows } from "./export.service.js";

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;
let acme: Customer;

const get = (url: string, as: TestOrg = org, lang = "en") =>
  ctx.app.inject({ method: "GET", url, headers: { cookie: as.cookie, "accept-language": lang } });

/** Every row of the list route with these filters, over all its pages (a page object) or its one array. */
async function listRows(query: string): Promise<InvoiceSummary[]> {
  const rows: InvoiceSummary[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await get(`/api/invoices?${query}${after ? `&after=${encodeURIComponent(after)}` : ""}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as InvoiceSummary[] | { items: InvoiceSummary[]; page: { next: string | null } };
    if (Array.isArray(body)) return body;
    rows.push(...body.items);
    after = body.page.next;
    if (!after) return rows;
  }
}

/** What a row is, as text, the same way from the list and from either file. */
const listKey = (r: InvoiceSummary) =>
  [
    r.number ?? "",
    r.status,
    r.customerName,
    r.issueDate,
    minorToDecimalString(r.totalMinor, r.currency),
  ].join("|");

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Export Org");
  other = await buildOrg(ctx, "Other Export Org");
  acme = await buildCustomer(ctx, org, "Acme «Niño» Ltd");
  const globex = await buildCustomer(ctx, org, "Globex");
  for (let i = 0; i < 7; i++)
    await buildInvoice(ctx, org, acme.id, {
      issue: i % 3 !== 0,
      lines: [{ description: "Work", quantityMilli: 1000 + i * 500, unitPriceMinor: 12345 }],
    });
  await buildInvoice(ctx, org, globex.id, { issue: true });
  const theirs = await buildCustomer(ctx, other, "Acme «Niño» Ltd");
  await buildInvoice(ctx, other, theirs.id, { issue: true });
});

afterEach(() => setExportMaxRows());
afterAll(() => ctx?.close());

describe("GET /api/invoices/export", () => {
  test("the CSV holds every row of the filtered list: BOM, headers in the user's language, exact decimals", async () => {
    const filter = `customerId=${acme.id}&status=issued`;
    const res = await get(`/api/invoices/export?format=csv&${filter}`, org, "es");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="invoices-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const expected = await listRows(filter);
    expect(res.headers["x-export-rows"]).toBe(String(expected.length));
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(res.rawPayload, { bom: true }) as string[][];
    expect(header).toEqual([
      "Número",
      "Tipo",
      "Estado",
      "Cliente",
      "Fecha de emisión",
      "Vencimiento",
      "Moneda",
      "Total",
      "Cobrado",
      "Pendiente",
    ]);
    expect(expected.length).toBe(4);
    const fromCsv = rows.map((r) => [r[0], r[2], r[3], r[4], r[7]].join("|"));
    expect(fromCsv.sort()).toEqual(expected.map(listKey).sort());
    // Newest first by issue date, as the list's default.
    expect(rows.map((r) => r[4])).toEqual([...rows.map((r) => r[4] ?? "")].sort().reverse());
  });

  test("the XLSX holds the same rows: numbers with the currency's format, dates as dates", async () => {
    const filter = `customerId=${acme.id}`;
    const res = await get(`/api/invoices/export?format=xlsx&${filter}&sort=amount&dir=asc`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getRow(1).getCell(1).value).toBe("Number");
    const expected = await listRows(filter);
    expect(sheet.rowCount - 1).toBe(expected.length);
    const totals: number[] = [];
    const keys: string[] = [];
    for (let i = 2; i <= sheet.rowCount; i++) {
      const row = sheet.getRow(i);
      const total = row.getCell(8);
      expect(typeof total.value).toBe("number");
      expect(total.numFmt).toBe('#,##0.00 "EUR"');
      const issued = row.getCell(5).value;
      expect(issued).toBeInstanceOf(Date);
      totals.push(total.value as number);
      keys.push(
        [
          row.getCell(1).value ?? "",
          row.getCell(3).value,
          row.getCell(4).value,
          (issued as Date).toISOString().slice(0, 10),
          (total.value as number).toFixed(2),
        ].join("|"),
      );
    }
    expect(keys.sort()).toEqual(expected.map(listKey).sort());
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });

  test("another organisation's rows never appear", async () => {
    const res = await get("/api/invoices/export?format=csv", other);
    const rows = (parse(res.rawPayload, { bom: true }) as string[][]).slice(1);
    expect(rows).toHaveLength(1);
    const ours = await get("/api/invoices/export?format=csv");
    const ourRows = (parse(ours.rawPayload, { bom: true }) as string[][]).slice(1);
    expect(ourRows).toHaveLength(8);
  });

  test("over the bound: refused with a code that says to narrow the filter, nothing streamed", async () => {
    setExportMaxRows(3);
    const res = await get("/api/invoices/export?format=xlsx");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "EXPORT_TOO_LARGE", rows: 8, maxRows: 3 });
    expect((await get(`/api/invoices/export?format=csv&customerId=${acme.id}&status=draft`)).statusCode).toBe(
      200,
    );
  });

  test("a bad filter or format is refused", async () => {
    expect((await get("/api/invoices/export?format=pdf")).statusCode).toBe(400);
    expect((await get("/api/invoices/export?from=2026-02-01&to=2026-01-01")).statusCode).toBe(400);
  });
});

describe("GET /api/customers/export", () => {
  test("live customers by name, in both formats", async () => {
    const csv = await get("/api/customers/export?format=csv");
    expect(csv.statusCode, csv.body).toBe(200);
    const rows = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Acme «Niño» Ltd", "Globex"]);
    const xlsx = await get("/api/customers/export?format=xlsx&q=glob");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(2).getCell(1).value).toBe("Globex");
    expect(book.worksheets[0]?.rowCount).toBe(2);
  });
});

describe("GET /api/sales-orders/export and /api/payments/export", () => {
  test("every row of the list, each org's own", async () => {
    const order = await buildSalesOrder(ctx, org, acme.id, { confirm: true, reference: "PO-77" });
    const res = await get(`/api/sales-orders/export?format=csv&q=PO-77`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = (parse(res.rawPayload, { bom: true }) as string[][]).slice(1);
    expect(rows.map((r) => [r[0], r[3], r[7]])).toEqual([
      [order.number, "PO-77", minorToDecimalString(order.totalMinor, order.currency)],
    ]);
    expect(
      (await get("/api/sales-orders/export?format=csv", other)).body.split("\r\n").filter(Boolean),
    ).toHaveLength(1);

    const invoice = await buildInvoice(ctx, org, acme.id, { issue: true });
    const paid = await recordPayment(
      ctx,
      { cookie: org.cookie },
      { customerId: acme.id, invoiceId: invoice.id, amountMinor: 1234 },
    );
    expect(paid.statusCode, paid.body).toBe(201);
    const pays = await get("/api/payments/export?format=xlsx&filter=invoice");
    expect(pays.statusCode, pays.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(pays.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(7).value).toBe(12.34);
    expect(
      (await get("/api/payments/export?format=csv", other)).body.split("\r\n").filter(Boolean),
    ).toHaveLength(1);
  });
});

describe("GET /api/quotes/export", () => {
  test("the quotes of the list, the other organisation's never", async () => {
    const quote = await buildQuote(ctx, org, acme.id, { send: true });
    const res = await get(`/api/quotes/export?format=csv&customerId=${acme.id}`, org, "es");
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = parse(res.rawPayload, { bom: true }) as string[][];
    expect(header?.[4]).toBe("Válido hasta");
    expect(rows.map((r) => [r[0], r[1], r[6]])).toEqual([
      [quote.number, "sent", minorToDecimalString(quote.totalMinor, quote.currency)],
    ]);
    expect(
      (await get("/api/quotes/export?format=csv", other)).body.split("\r\n").filter(Boolean),
    ).toHaveLength(1);
  });
});
