import { eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InvoiceDetail, InvoiceSummary, Tax } from "../../../shared/contracts/index.js";
import { taxes } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;
let org: TestOrg;
let vat21: Tax;
let irpf: Tax;

const madridYear = () => testToday().slice(0, 4);

const api = (o: TestOrg, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie: o.cookie },
    ...(method === "GET" ? {} : { payload: payload ?? {} }),
  });

const list = async (o: TestOrg, query = ""): Promise<InvoiceSummary[]> => {
  const res = await api(o, "GET", `/api/invoices${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Invoices Org");
  const all: Tax[] = (await api(org, "GET", "/api/taxes")).json();
  vat21 = all.find((t) => t.rateBp === 2100) as Tax;
  irpf = all.find((t) => t.rateBp === -1500) as Tax;
  expect(vat21.isDefault).toBe(true);
  expect(irpf).toBeDefined();
});
afterAll(() => ctx.close());

describe("drafts and totals", () => {
  test("a draft with a discount, the default tax and VAT + IRPF adds up from its line parts", async () => {
    const customer = await buildCustomer(ctx, org, "Totals Customer");
    const res = await api(org, "POST", "/api/invoices", {
      customerId: customer.id,
      lines: [
        // 3 × 123.45 € − 10 %, default tax (taxIds omitted) = VAT 21 %
        { description: "Design work", quantityMilli: 3000, unitPriceMinor: 12345, discountBp: 1000 },
        // 1.5 × 80 € with VAT 21 % and the IRPF −15 % withholding
        { description: "Consulting", quantityMilli: 1500, unitPriceMinor: 8000, taxIds: [vat21.id, irpf.id] },
      ],
    });
    expect(res.statusCode).toBe(201);
    const inv: InvoiceDetail = res.json();
    expect(inv.status).toBe("draft");
    expect(inv.number).toBeNull();
    expect(inv.currency).toBe("EUR");

    const [design, consulting] = inv.lines;
    // 37035 gross, 3703.5 → 3704 discount, 33331 net, 6999.51 → 7000 VAT
    expect(design).toMatchObject({ grossMinor: 37035, discountMinor: 3704, netMinor: 33331, taxMinor: 7000 });
    expect(design?.taxes.map((t) => t.taxId)).toEqual([vat21.id]);
    expect(consulting).toMatchObject({ grossMinor: 12000, discountMinor: 0, netMinor: 12000, taxMinor: 720 });
    expect(consulting?.taxes.map((t) => [t.taxId, t.amountMinor])).toEqual([
      [vat21.id, 2520],
      [irpf.id, -1800],
    ]);

    const sum = (pick: (l: InvoiceDetail["lines"][number]) => number) =>
      inv.lines.reduce((s, l) => s + pick(l), 0);
    expect(inv.subtotalMinor).toBe(sum((l) => l.grossMinor));
    expect(inv.discountMinor).toBe(sum((l) => l.discountMinor));
    expect(inv.netMinor).toBe(sum((l) => l.netMinor));
    expect(inv.taxMinor).toBe(sum((l) => l.taxMinor));
    expect(inv.totalMinor).toBe(sum((l) => l.totalMinor));
    expect(inv.totalMinor).toBe(inv.netMinor + inv.taxMinor);
    expect(inv).toMatchObject({
      subtotalMinor: 49035,
      discountMinor: 3704,
      netMinor: 45331,
      totalMinor: 53051,
    });
    expect(inv.taxBreakdown).toEqual([
      { taxId: vat21.id, name: vat21.name, rateBp: 2100, baseMinor: 45331, amountMinor: 9520 },
      { taxId: irpf.id, name: irpf.name, rateBp: -1500, baseMinor: 12000, amountMinor: -1800 },
    ]);
    expect(inv.dueMinor).toBe(53051);

    const again = await api(org, "GET", `/api/invoices/${inv.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(inv);
  });

  test("a draft can be edited: PUT replaces its lines and totals", async () => {
    const customer = await buildCustomer(ctx, org, "Edit Customer");
    const draft = await buildInvoice(ctx, org, customer.id);
    const res = await api(org, "PUT", `/api/invoices/${draft.id}`, {
      customerId: customer.id,
      lines: [{ description: "Only line", quantityMilli: 1000, unitPriceMinor: 5000, taxIds: [] }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: draft.id, status: "draft", totalMinor: 5000, taxMinor: 0 });
    expect(res.json().lines).toHaveLength(1);
  });
});

describe("listing", () => {
  test("lists, filters by status and customer, and searches by customer name and number", async () => {
    const tag = `Zebra${Date.now().toString(36)}`;
    const a = await buildCustomer(ctx, org, `${tag} Alpha`);
    const b = await buildCustomer(ctx, org, `${tag} Beta`);
    const draftA = await buildInvoice(ctx, org, a.id);
    const issuedA = await buildInvoice(ctx, org, a.id, { issue: true });
    const issuedB = await buildInvoice(ctx, org, b.id, { issue: true });

    const ids = (rows: InvoiceSummary[]) => rows.map((r) => r.id).sort();
    const all = await list(org);
    expect(ids(all)).toEqual(expect.arrayContaining([draftA.id, issuedA.id, issuedB.id]));

    const drafts = await list(org, "?status=draft");
    expect(drafts.every((r) => r.status === "draft")).toBe(true);
    expect(ids(drafts)).toContain(draftA.id);
    expect(ids(drafts)).not.toContain(issuedA.id);

    expect(ids(await list(org, `?customerId=${a.id}`))).toEqual([draftA.id, issuedA.id].sort());
    expect(ids(await list(org, `?q=${encodeURIComponent(tag.toLowerCase())}`))).toEqual(
      [draftA.id, issuedA.id, issuedB.id].sort(),
    );
    expect(ids(await list(org, `?q=${encodeURIComponent(`${tag} Beta`)}`))).toEqual([issuedB.id]);
    const byNumber = await list(org, `?q=${encodeURIComponent(issuedB.number as string)}`);
    expect(ids(byNumber)).toEqual([issuedB.id]);
    expect(byNumber[0]).toMatchObject({
      customerName: `${tag} Beta`,
      number: issuedB.number,
      status: "issued",
    });
    // LIKE wildcards in the search are literal
    expect(await list(org, `?q=${encodeURIComponent("%")}`)).toEqual([]);
  });

  test("an unknown status filter is a validation error", async () => {
    const res = await api(org, "GET", "/api/invoices?status=nonsense");
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("VALIDATION_FAILED");
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain("querystring.status");
  });
});

describe("invalid input", () => {
  let customerId: string;
  beforeAll(async () => {
    customerId = (await buildCustomer(ctx, org, "Invalid Input Customer")).id;
  });

  const line = { description: "Work", quantityMilli: 1000, unitPriceMinor: 1000 };
  const cases: [string, () => unknown, string][] = [
    [
      "missing description",
      () => ({ customerId, lines: [{ ...line, description: undefined }] }),
      "body.lines.0.description",
    ],
    [
      "blank description",
      () => ({ customerId, lines: [line, { ...line, description: "   " }] }),
      "body.lines.1.description",
    ],
    [
      "negative discountBp",
      () => ({ customerId, lines: [{ ...line, discountBp: -1 }] }),
      "body.lines.0.discountBp",
    ],
    [
      "discount above 100 %",
      () => ({ customerId, lines: [{ ...line, discountBp: 10001 }] }),
      "body.lines.0.discountBp",
    ],
    [
      "unknown taxId",
      () => ({ customerId, lines: [{ ...line, taxIds: [crypto.randomUUID()] }] }),
      "body.lines.0.taxIds.0",
    ],
    [
      "malformed taxId",
      () => ({ customerId, lines: [{ ...line, taxIds: ["nope"] }] }),
      "body.lines.0.taxIds.0",
    ],
    ["bad customerId", () => ({ customerId: "not-a-uuid", lines: [line] }), "body.customerId"],
    [
      "non-integer unitPriceMinor",
      () => ({ customerId, lines: [{ ...line, unitPriceMinor: 10.5 }] }),
      "body.lines.0.unitPriceMinor",
    ],
    [
      "string unitPriceMinor",
      () => ({ customerId, lines: [{ ...line, unitPriceMinor: "10" }] }),
      "body.lines.0.unitPriceMinor",
    ],
    [
      "non-integer quantity",
      () => ({ customerId, lines: [{ ...line, quantityMilli: 0.5 }] }),
      "body.lines.0.quantityMilli",
    ],
  ];

  test.each(cases)(
    "%s → 400 VALIDATION_FAILED naming the field, nothing stored",
    async (_name, body, field) => {
      const before = (await list(org)).length;
      const res = await api(org, "POST", "/api/invoices", body());
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe("VALIDATION_FAILED");
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await list(org)).length).toBe(before);
    },
  );

  test("invalid input on PUT leaves the draft as it was", async () => {
    const draft = await buildInvoice(ctx, org, customerId);
    const res = await api(org, "PUT", `/api/invoices/${draft.id}`, {
      customerId,
      lines: [{ ...line, taxIds: [crypto.randomUUID()] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("body.lines.0.taxIds.0");
    expect((await api(org, "GET", `/api/invoices/${draft.id}`)).json()).toEqual(draft);
  });

  test("a customer of another organisation is not found, and nothing is stored", async () => {
    const other = await buildOrg(ctx, "Other Invoices Org");
    const foreign = await buildCustomer(ctx, other, "Foreign Customer");
    const before = (await list(org)).length;
    const res = await api(org, "POST", "/api/invoices", { customerId: foreign.id, lines: [line] });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("NOT_FOUND");
    expect((await list(org)).length).toBe(before);
  });

  test("without a default tax, a line that omits taxIds is CP2001 (explicit taxes still work)", async () => {
    const noDefault = await buildOrg(ctx, "No Default Tax Org");
    await withOrg(ctx.database.db, noDefault.orgId, (tx) =>
      tx.update(taxes).set({ isDefault: false }).where(eq(taxes.isDefault, true)),
    );
    const customer = await buildCustomer(ctx, noDefault, "No Tax Customer");
    const res = await api(noDefault, "POST", "/api/invoices", { customerId: customer.id, lines: [line] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "CP2001", remedy: "create a default tax" });
    expect(await list(noDefault)).toEqual([]);
    const untaxed = await api(noDefault, "POST", "/api/invoices", {
      customerId: customer.id,
      lines: [{ ...line, taxIds: [] }],
    });
    expect(untaxed.statusCode).toBe(201);
    expect(untaxed.json().totalMinor).toBe(1000);
  });
});

describe("issuing and voiding", () => {
  let fresh: TestOrg;
  let customerId: string;
  beforeAll(async () => {
    fresh = await buildOrg(ctx, "Issue Org");
    customerId = (await buildCustomer(ctx, fresh, "Issue Customer")).id;
  });

  test("issuing numbers the invoice F{year}-0001; it can then neither change nor be issued again", async () => {
    const draft = await buildInvoice(ctx, fresh, customerId);
    const res = await api(fresh, "POST", `/api/invoices/${draft.id}/issue`);
    expect(res.statusCode).toBe(200);
    const issued: InvoiceDetail = res.json();
    expect(issued.status).toBe("issued");
    expect(issued.number).toBe(`F${madridYear()}-0001`);
    expect(issued.issuedAt).not.toBeNull();
    expect(issued.issueDate.slice(0, 4)).toBe(madridYear());
    expect(issued.totalMinor).toBe(draft.totalMinor);

    const put = await api(fresh, "PUT", `/api/invoices/${draft.id}`, {
      customerId,
      lines: [{ description: "Sneaky change", quantityMilli: 1000, unitPriceMinor: 1 }],
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().code).toBe("INVOICE_NOT_DRAFT");

    const again = await api(fresh, "POST", `/api/invoices/${draft.id}/issue`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("INVOICE_NOT_DRAFT");

    const now = (await api(fresh, "GET", `/api/invoices/${draft.id}`)).json();
    expect(now).toMatchObject({ status: "issued", number: issued.number, totalMinor: draft.totalMinor });
    expect(now.lines.map((l: { description: string }) => l.description)).toEqual(["Consulting"]);
  });

  test("an empty draft cannot be issued (422 INVOICE_EMPTY) and stays a draft", async () => {
    const empty = await api(fresh, "POST", "/api/invoices", { customerId, lines: [] });
    expect(empty.statusCode).toBe(201);
    const res = await api(fresh, "POST", `/api/invoices/${empty.json().id}/issue`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("INVOICE_EMPTY");
    expect((await api(fresh, "GET", `/api/invoices/${empty.json().id}`)).json()).toMatchObject({
      status: "draft",
      number: null,
    });
  });

  test("voiding keeps the number; voiding again or sending a void invoice is 409", async () => {
    const issued = await buildInvoice(ctx, fresh, customerId, { issue: true });
    const res = await api(fresh, "POST", `/api/invoices/${issued.id}/void`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "void", number: issued.number, dueMinor: 0 });
    expect(res.json().voidedAt).not.toBeNull();

    const again = await api(fresh, "POST", `/api/invoices/${issued.id}/void`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("INVOICE_VOID");

    const send = await api(fresh, "POST", `/api/invoices/${issued.id}/send`);
    expect(send.statusCode).toBe(409);
    expect(send.json().code).toBe("INVOICE_VOID");
    const outbox = (await api(fresh, "GET", "/api/outbox")).json();
    expect(outbox.items).toEqual([]);
  });

  test("a draft cannot be voided", async () => {
    const draft = await buildInvoice(ctx, fresh, customerId);
    const res = await api(fresh, "POST", `/api/invoices/${draft.id}/void`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("INVOICE_NOT_ISSUED");
  });

  test("another organisation's invoice is 404 for every action", async () => {
    const mine = await buildInvoice(ctx, fresh, customerId);
    for (const [method, path] of [
      ["GET", ""],
      ["POST", "/issue"],
      ["POST", "/void"],
      ["GET", "/pdf"],
    ] as const) {
      const res = await api(org, method, `/api/invoices/${mine.id}${path}`);
      expect(res.statusCode, `${method} ${path}`).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
    expect((await api(fresh, "GET", `/api/invoices/${mine.id}`)).json().status).toBe("draft");
  });
});

describe("staff PDF", () => {
  test("downloads the invoice as a PDF that carries its number and total", async () => {
    const customer = await buildCustomer(ctx, org, "Pdf Customer");
    const issued = await buildInvoice(ctx, org, customer.id, { issue: true });
    const res = await ctx.app.inject({
      url: `/api/invoices/${issued.id}/pdf`,
      headers: { cookie: org.cookie, "accept-language": "en" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${issued.number}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    try {
      const text = (await parser.getText()).text.replace(/\u00a0/g, " ");
      expect(text).toContain(issued.number);
      expect(text).toContain("Pdf Customer");
      expect(text).toContain("€242.00");
    } finally {
      await parser.destroy();
    }
  });
});
