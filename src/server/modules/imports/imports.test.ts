import { count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import type { ImportJob, ImportPreview, InvoiceDetail } from "../../../shared/contracts/index.js";
import { contacts, customers, importJobs, invoices, payments } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { testJobRunner } from "../../jobs/test-support.js";
import { buildInvoice, type TestOrg } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { refreshDocumentInTx } from "../ledger/refresh-document.js";
import { IMPORT_CHUNK, ImportInterrupted, runImportJob } from "./import-runner.js";
import { createImportJob } from "./imports.service.js";

const { ctx, org, otherOrg } = setUpTestApp("Importer", "Bystander");
const db = () => ctx.database.db;

// A Zoho Books contacts export as a Spanish spreadsheet saves it: BOM, ";" and quoted fields.
const ZOHO_CUSTOMERS = `\uFEFFContact ID;Display Name;Tax ID;EmailID;Billing City;Currency Code;First Name;Last Name;Mobile Phone
Z-1;"Acme; S.L.";B11111111;acme@example.com;Madrid;EUR;Ana;García;600000001
Z-2;Beta Ltd;GB222;beta@example.com;London;GBP;Bob;Smith;
Z-2;Beta Ltd;GB222;beta@example.com;London;GBP;Carol;Jones;
`;

const INVOICES = `Invoice Number,Invoice Date,Due Date,Contact ID,Item Desc,Quantity,Item Price,Item Tax %,Total,Amount Paid,Payment Date,Payment Method
2025/0143,15/11/2025,15/12/2025,Z-1,Consultoría,2,"1.000,00",21,"2.420,00","2.420,00",20/11/2025,Transferencia
2025/0144,2025-12-01,,Z-1,Soporte,1,"500,50",21,"605,61","100,00",2025-12-10,cash
2025/0145,03/12/2025,,Z-2,Design,1,300.00,0,300.00,0,,
`;

const post = (o: TestOrg, url: string, payload: unknown) =>
  ctx.app.inject({ method: "POST", url, headers: { cookie: o.cookie }, payload: payload as object });

const countOf = async (
  o: TestOrg,
  table: typeof customers | typeof contacts | typeof invoices | typeof payments,
) => withOrg(db(), o.orgId, async (tx) => (await tx.select({ n: count() }).from(table))[0]?.n ?? 0);

async function importAndWait(o: TestOrg, kind: "customers" | "invoices", csv: string): Promise<ImportJob> {
  const res = await post(o, "/api/imports", { kind, fileName: `${kind}.csv`, csv });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id;
  for (let i = 0; i < 200; i++) {
    const job: ImportJob = (
      await ctx.app.inject({ method: "GET", url: `/api/imports/${id}`, headers: { cookie: o.cookie } })
    ).json();
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("import job did not end");
}

describe("CSV import", () => {
  test("the preview detects the columns and reports every bad row per field, writing nothing", async () => {
    const bad =
      `${ZOHO_CUSTOMERS}Z-3;;;not-an-email;;XXX;;;\nZ-4;Delta;;delta@example.com;;;Dan;;\nZ-5;Epsilon;;eps@example.com;;;Eve;;\n`.replace(
        "Z-5;Epsilon;;eps@example.com;;;Eve;;",
        "Z-5;Epsilon;;eps@example.com;;;Eve;;\nZ-6;Zeta;;zeta@example.com;;;Zed;;",
      );
    const res = await post(org, "/api/imports/preview", { kind: "customers", fileName: "c.csv", csv: bad });
    expect(res.statusCode, res.body).toBe(200);
    const preview: ImportPreview = res.json();
    expect(preview.delimiter).toBe(";");
    expect(preview.mapping).toMatchObject({
      externalId: "Contact ID",
      name: "Display Name",
      taxId: "Tax ID",
      email: "EmailID",
      city: "Billing City",
      currency: "Currency Code",
      contactFirstName: "First Name",
      contactLastName: "Last Name",
      contactPhone: "Mobile Phone",
    });
    expect(preview.sample[0]?.[1]).toBe("Acme; S.L.");
    expect(preview.problems).toEqual([
      { row: 4, field: "name", code: "required" },
      { row: 4, field: "currency", code: "unsupported_currency" },
      { row: 4, field: "email", code: "invalid_format", params: { format: "email" } },
    ]);
    expect(await countOf(org, customers)).toBe(0);

    const job = await importAndWait(org, "customers", bad);
    expect(job.status).toBe("failed");
    expect(job.report?.errorCode).toBe("IMPORT_HAS_PROBLEMS");
    expect(job.report?.problems).toHaveLength(3);
    expect(await countOf(org, customers)).toBe(0);
  });

  test("customers with their contacts; the same file again creates nothing", async () => {
    const first = await importAndWait(org, "customers", ZOHO_CUSTOMERS);
    expect(first).toMatchObject({ status: "done", report: { created: 2, contacts: 3, skipped: 0 } });
    const again = await importAndWait(org, "customers", ZOHO_CUSTOMERS);
    expect(again).toMatchObject({ status: "done", report: { created: 0, contacts: 0, skipped: 2 } });
    expect(await countOf(org, customers)).toBe(2);
    expect(await countOf(org, contacts)).toBe(3);
    const names = await withOrg(db(), org.orgId, (tx) => tx.select().from(contacts));
    expect(names.map((c) => c.name).sort()).toEqual(["Ana García", "Bob Smith", "Carol Jones"]);
    expect(names.filter((c) => c.isPrimary)).toHaveLength(2);
  });

  test("invoices keep their numbers and dates in their own series, payments balance, no duplicates", async () => {
    const job = await importAndWait(org, "invoices", INVOICES);
    expect(job).toMatchObject({ status: "done", report: { created: 3, payments: 2 } });
    const list = await withOrg(db(), org.orgId, (tx) =>
      tx.select().from(invoices).orderBy(invoices.issueDate),
    );
    expect(list.map((i) => [i.number, i.issueDate, i.dueDate, i.totalMinor, i.paidMinor, i.status])).toEqual([
      ["2025/0143", "2025-11-15", "2025-12-15", 242000, 242000, "paid"],
      ["2025/0144", "2025-12-01", null, 60561, 10000, "partially_paid"],
      ["2025/0145", "2025-12-03", null, 30000, 0, "issued"],
    ]);
    expect(list.map((i) => i.sequence)).toEqual([1, 2, 3]);
    // The batch refresh wrote what the ledger's one-document refresh computes.
    const refreshed = await withOrg(db(), org.orgId, (tx) =>
      Promise.all(list.map((i) => refreshDocumentInTx(tx, i.id))),
    );
    expect(refreshed.map((i) => [i.paidMinor, i.status, i.paidAt?.getTime() ?? null])).toEqual(
      list.map((i) => [i.paidMinor, i.status, i.paidAt?.getTime() ?? null]),
    );
    const receipts = await withOrg(db(), org.orgId, (tx) =>
      tx.select().from(payments).orderBy(payments.paidOn),
    );
    expect(receipts.map((p) => [p.amountMinor, p.paidOn, p.method])).toEqual([
      [242000, "2025-11-20", "transfer"],
      [10000, "2025-12-10", "cash"],
    ]);
    expect(receipts.every((p) => p.number.startsWith("RC2025-"))).toBe(true);

    const again = await importAndWait(org, "invoices", INVOICES);
    expect(again).toMatchObject({ status: "done", report: { created: 0, payments: 0, skipped: 3 } });
    expect(await countOf(org, invoices)).toBe(3);
    expect(await countOf(org, payments)).toBe(2);

    // The regular series has its own counter: its first invoice is still number 1.
    const [acme] = await withOrg(db(), org.orgId, (tx) =>
      tx.select().from(customers).where(eq(customers.externalId, "Z-1")),
    );
    const regular: InvoiceDetail = await buildInvoice(ctx, org, acme?.id as string, { issue: true });
    expect(regular.number).toMatch(/^F\d{4}-0001$/);
  });

  test("an invoice whose total does not add up, or whose customer is unknown, is reported", async () => {
    const csv = `Invoice Number,Invoice Date,Customer Name,Item Price,Item Tax %,Total\nX-1,01/02/2025,Nobody,10,21,12.10\nX-2,2025-02-30,Beta Ltd,10,21,12.00\n`;
    const preview: ImportPreview = (
      await post(org, "/api/imports/preview", { kind: "invoices", fileName: "x.csv", csv })
    ).json();
    expect(preview.problems).toEqual([
      { row: 1, field: "customerName", code: "customer_not_found", params: { value: "Nobody" } },
      { row: 2, field: "issueDate", code: "invalid_format", params: { format: "date" } },
    ]);
    const fixed = csv.replace("2025-02-30", "2025-02-28");
    const second: ImportPreview = (
      await post(org, "/api/imports/preview", { kind: "invoices", fileName: "x.csv", csv: fixed })
    ).json();
    expect(second.problems[1]).toEqual({
      row: 2,
      field: "total",
      code: "total_mismatch",
      params: { expected: "12.10", currency: "GBP" },
    });
  });

  test("a job interrupted mid-way resumes and writes each record once", async () => {
    const rows = IMPORT_CHUNK.customers * 2 + 10;
    const csv = `external id,name,email\n${Array.from({ length: rows }, (_, i) => `R-${i},Resumed ${i},r${i}@example.com`).join("\n")}\n`;
    const staff = await withOrg(db(), org.orgId, (tx) => tx.select().from(importJobs).limit(1));
    const job = await createImportJob(db(), org.orgId, staff[0]?.createdBy as string, {
      kind: "customers",
      fileName: "big.csv",
      csv,
    });
    await expect(runImportJob(db(), org.orgId, job.id, { stopAfterChunks: 1 })).rejects.toBeInstanceOf(
      ImportInterrupted,
    );
    const [halfway] = await withOrg(db(), org.orgId, (tx) =>
      tx.select().from(importJobs).where(eq(importJobs.id, job.id)),
    );
    expect(halfway).toMatchObject({ status: "running", rowsDone: IMPORT_CHUNK.customers, rowsTotal: rows });
    const before = await countOf(org, customers);
    // Two starts of the process, each resuming what is open: the second finds nothing left to do.
    for (let start = 0; start < 2; start++) {
      const runner = testJobRunner(ctx);
      await runner.drain();
    }
    expect(await countOf(org, customers)).toBe(before + rows - IMPORT_CHUNK.customers);
    const [done] = await withOrg(db(), org.orgId, (tx) =>
      tx.select().from(importJobs).where(eq(importJobs.id, job.id)),
    );
    expect(done).toMatchObject({ status: "done", rowsDone: rows, file: null });
    expect(done?.report).toMatchObject({ created: rows, skipped: 0 });
  });

  test("another organisation is untouched and cannot read the jobs", async () => {
    expect(await countOf(otherOrg, customers)).toBe(0);
    expect(await countOf(otherOrg, invoices)).toBe(0);
    const [job] = await withOrg(db(), org.orgId, (tx) => tx.select().from(importJobs).limit(1));
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/imports/${job?.id}`,
      headers: { cookie: otherOrg.cookie },
    });
    expect(res.statusCode).toBe(404);
  });

  test("files beyond the bounds are refused with a code; the template lists every field", async () => {
    const empty = await post(org, "/api/imports/preview", {
      kind: "customers",
      fileName: "e.csv",
      csv: "name\n",
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe("IMPORT_EMPTY");
    const many = `name\n${"x\n".repeat(20_001)}`;
    const tooMany = await post(org, "/api/imports/preview", {
      kind: "customers",
      fileName: "m.csv",
      csv: many,
    });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().code).toBe("IMPORT_TOO_MANY_ROWS");
    const template = await ctx.app.inject({
      method: "GET",
      url: "/api/imports/template?kind=invoices",
      headers: { cookie: org.cookie },
    });
    expect(template.statusCode).toBe(200);
    expect(template.body.split("\n")[0]).toContain("number,issueDate,dueDate");
  });
});
