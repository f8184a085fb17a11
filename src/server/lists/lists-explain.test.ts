// Issue 19 (decisions 058, 062): the back office's invoice, payment and customer lists read an
// organisation's rows through their (org_id, key, id) indexes, never a sequential scan, for the first page
// of each order, filtered pages and a deep page by cursor. Runs on PGlite (npm test) and PostgreSQL (npm run
// test:pg).
import { type SQLWrapper, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { customerListQuery, invoiceListQuery, paymentListQuery } from "../../shared/contracts/index.js";
import type { Tx } from "../db/client.js";
import { customers, invoices, payments } from "../db/schema/index.js";
import { withOrg } from "../db/scope.js";
import { customerListPageQuery } from "../modules/customers/customer-list.queries.js";
import { defaultSeriesId } from "../modules/documents/numbering.js";
import { invoiceListPageQuery } from "../modules/invoices/invoice-list.queries.js";
import { paymentListPageQuery } from "../modules/payments/payment-list.queries.js";
import { buildCustomer, buildOrg, type TestOrg } from "../test/factories.js";
import { createTestContext, type TestContext } from "../test/harness.js";

const TODAY = "2026-06-30";
let ctx: TestContext;
let org: TestOrg;
let customerId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "List Explain Org");
  const ids = [(await buildCustomer(ctx, org, "Alpha")).id, (await buildCustomer(ctx, org, "Beta")).id];
  customerId = ids[0] as string;
  await withOrg(ctx.database.db, org.orgId, async (tx) => {
    const seriesId = await defaultSeriesId(tx, "invoice");
    for (let from = 0; from < 4_000; from += 500) {
      const rows = Array.from({ length: 500 }, (_, j) => {
        const i = from + j;
        const day = new Date(Date.UTC(2023, 0, 1) + (i % 1_200) * 86_400_000).toISOString().slice(0, 10);
        const total = 1_000 * ((i % 37) + 1);
        return {
          orgId: org.orgId,
          customerId: ids[i % 4 === 0 ? 0 : 1] as string,
          seriesId,
          number: `L-${i}`,
          year: 9100,
          sequence: i + 1,
          status: (i % 3 === 0 ? "paid" : "sent") as "paid" | "sent",
          issueDate: day,
          dueDate: day,
          currency: "EUR",
          netMinor: total,
          totalMinor: total,
          subtotalMinor: total,
          paidMinor: i % 3 === 0 ? total : 0,
          customerSnapshot: { name: i % 4 === 0 ? "Alpha" : "Beta" },
        };
      });
      await tx.insert(invoices).values(rows);
      await tx.insert(payments).values(
        rows.map((r, j) => ({
          orgId: org.orgId,
          customerId: r.customerId,
          number: `RC-${from + j}`,
          amountMinor: r.totalMinor,
          currency: "EUR",
          method: "transfer" as const,
          paidOn: r.issueDate,
          reference: `ref-${from + j}`,
        })),
      );
      await tx.insert(customers).values(
        rows.map((_, j) => ({
          orgId: org.orgId,
          name: `Customer ${String(from + j).padStart(5, "0")}`,
          currency: "EUR",
          email: `c${from + j}@example.com`,
        })),
      );
    }
  });
  await ctx.database.db.execute(sql`vacuum analyze`);
});
afterAll(() => ctx?.close());

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const nodesOf = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodesOf)];

async function planOf(tx: Tx, statement: SQLWrapper): Promise<PlanNode[]> {
  const result = (await tx.execute(sql`explain (format json) ${statement}`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  const cell = Object.values(result.rows[0] ?? {})[0];
  const [top] = (typeof cell === "string" ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
  return nodesOf((top as { Plan: PlanNode }).Plan);
}

/** The plan of a page's statement as staff run it (RLS applies), sequential scans off as in explain.test. */
function explain(query: Record<string, string>, bound: { key: string; id: string } | null = null) {
  const q = invoiceListQuery.parse(query);
  return withOrg(ctx.database.db, org.orgId, async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    // As findInvoiceListPage runs it (decision 048).
    await tx.execute(sql`select set_config('enable_sort', 'off', true)`);
    const plan = {
      bound: bound ? { pos: bound, op: q.dir === "asc" ? (">" as const) : ("<" as const) } : null,
      dir: q.dir,
      limit: q.limit + 1,
    };
    return planOf(tx, invoiceListPageQuery(tx, org.orgId, q, TODAY, plan));
  });
}

const invoiceScans = (plan: PlanNode[]) =>
  plan.filter((n) => n["Relation Name"] === "invoices").map((n) => [n["Node Type"], n["Index Name"] ?? null]);

test.each([
  ["date", "invoices_list_date_idx"],
  ["number", "invoices_list_number_idx"],
  ["customer", "invoices_list_customer_idx"],
  ["amount", "invoices_list_amount_idx"],
  ["due", "invoices_list_due_idx"],
  ["status", "invoices_list_status_idx"],
])("the first page by %s walks %s, no sequential scan", async (sort, index) => {
  for (const dir of ["asc", "desc"]) {
    const plan = await explain({ sort, dir });
    expect(invoiceScans(plan).some(([t]) => t === "Seq Scan")).toBe(false);
    expect(
      plan.map((n) => n["Index Name"]),
      JSON.stringify(plan.map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"]])),
    ).toContain(index);
  }
});

test("filtered first pages and a deep page by cursor read no invoice sequentially", async () => {
  const plans = [
    await explain({ overdue: "true", customerId }),
    await explain({ status: "sent", from: "2024-01-01", to: "2024-12-31" }),
    await explain({ sort: "date" }, { key: "2024-03-01", id: "00000000-0000-4000-8000-000000000000" }),
    await explain(
      { sort: "amount", dir: "asc" },
      { key: "20000", id: "00000000-0000-4000-8000-000000000000" },
    ),
  ];
  for (const plan of plans) expect(invoiceScans(plan).filter(([t]) => t === "Seq Scan")).toEqual([]);
});

/** A page's statement as its list runs it: staff scope (RLS), sorting off, sequential scans off. */
function explainPage(statement: (tx: Tx) => SQLWrapper) {
  return withOrg(ctx.database.db, org.orgId, async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`select set_config('enable_sort', 'off', true)`);
    return planOf(tx, statement(tx));
  });
}
const planOfPage = <Q extends { dir: "asc" | "desc"; limit: number }>(
  q: Q,
  bound: { key: string; id: string } | null,
) => ({
  bound: bound ? { pos: bound, op: q.dir === "asc" ? (">" as const) : ("<" as const) } : null,
  dir: q.dir,
  limit: q.limit + 1,
});
const scansOf = (plan: PlanNode[], table: string) =>
  plan.filter((n) => n["Relation Name"] === table).map((n) => [n["Node Type"], n["Index Name"] ?? null]);
const ZERO_ID = "00000000-0000-4000-8000-000000000000";

test.each([
  ["date", "payments_list_date_idx"],
  ["amount", "payments_list_amount_idx"],
])(
  "payments: the first and a deep page by %s walk %s; a filtered page reads no payment sequentially",
  async (sort, index) => {
    for (const dir of ["asc", "desc"]) {
      const q = paymentListQuery.parse({ sort, dir });
      const key = sort === "date" ? "2024-03-01" : "20000";
      for (const bound of [null, { key, id: ZERO_ID }]) {
        const plan = await explainPage((tx) => paymentListPageQuery(tx, org.orgId, q, planOfPage(q, bound)));
        expect(scansOf(plan, "payments").some(([t]) => t === "Seq Scan")).toBe(false);
        expect(
          plan.map((n) => n["Index Name"]),
          JSON.stringify(scansOf(plan, "payments")),
        ).toContain(index);
      }
    }
    const filtered = [
      paymentListQuery.parse({ from: "2024-01-01", to: "2024-12-31" }),
      paymentListQuery.parse({ customerId, q: "RC-1" }),
    ];
    for (const q of filtered) {
      const plan = await explainPage((tx) => paymentListPageQuery(tx, org.orgId, q, planOfPage(q, null)));
      expect(scansOf(plan, "payments").filter(([t]) => t === "Seq Scan")).toEqual([]);
    }
  },
);

test.each([
  // (org_id, name) also serves the name order (ties by id sorted within a name: an incremental sort).
  ["name", "customers_list_name_idx|customers_org_name_idx", "Customer 01000"],
  ["created", "customers_list_created_idx", "2026-01-01 00:00:00+00"],
])(
  "customers: the first and a deep page by %s walk %s; a search reads no customer sequentially",
  async (sort, index, key) => {
    for (const dir of ["asc", "desc"]) {
      const q = customerListQuery.parse({ sort, dir });
      for (const bound of [null, { key, id: ZERO_ID }]) {
        const plan = await explainPage((tx) => customerListPageQuery(tx, org.orgId, q, planOfPage(q, bound)));
        expect(scansOf(plan, "customers").some(([t]) => t === "Seq Scan")).toBe(false);
        const used = plan.map((n) => n["Index Name"]);
        expect(
          index.split("|").some((i) => used.includes(i)),
          JSON.stringify(scansOf(plan, "customers")),
        ).toBe(true);
      }
    }
    const q = customerListQuery.parse({ sort, q: "Customer 001" });
    const plan = await explainPage((tx) => customerListPageQuery(tx, org.orgId, q, planOfPage(q, null)));
    expect(scansOf(plan, "customers").filter(([t]) => t === "Seq Scan")).toEqual([]);
  },
);
