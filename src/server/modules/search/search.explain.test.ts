// Issue 19 (decision 059): the search box's statement reads documents through indexes, under row-level
// security, never a sequential scan of an organisation's invoices, quotes or sales orders. Runs on PGlite
// (npm test) and PostgreSQL (npm run test:pg).
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Tx } from "../../db/client.js";
import { invoices } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { defaultSeriesId } from "../documents/numbering.js";
import { findSearchResults, searchTermsOf } from "./search.queries.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Search Explain Org");
  const customer = await buildCustomer(ctx, org, "Many Invoices", []);
  await withOrg(ctx.database.db, org.orgId, async (tx) => {
    const seriesId = await defaultSeriesId(tx, "invoice");
    for (let from = 0; from < 3_000; from += 500) {
      const rows = Array.from({ length: 500 }, (_, j) => {
        const i = from + j;
        return {
          orgId: org.orgId,
          customerId: customer.id,
          seriesId,
          number: `X${2020 + (i % 5)}-${String(i).padStart(4, "0")}`,
          year: 2020 + (i % 5),
          sequence: i + 1,
          status: "issued" as const,
          issueDate: "2024-01-01",
          currency: "EUR",
          issuedAt: new Date(0),
        };
      });
      await tx.insert(invoices).values(rows);
    }
  });
  await ctx.database.db.execute(sql`vacuum analyze`);
});

afterAll(() => ctx?.close());

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The plan of the search's one statement, in the organisation's scope, with sequential scans discouraged. */
function planOfSearch(q: string): Promise<PlanNode[]> {
  return withOrg(ctx.database.db, org.orgId, async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    let plan: PlanNode[] = [];
    const explaining = new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop !== "execute") return Reflect.get(target, prop, receiver);
        return async (statement: SQL) => {
          const result = (await target.execute(sql`explain (format json) ${statement}`)) as unknown as {
            rows: Record<string, unknown>[];
          };
          const cell = Object.values(result.rows[0] ?? {})[0];
          const [top] = (typeof cell === "string" ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
          plan = top ? nodesOf(top.Plan) : [];
          return { rows: [] };
        };
      },
    });
    await findSearchResults(explaining as Tx, searchTermsOf(q));
    return plan;
  });
}

const scans = (plan: PlanNode[], table: string) =>
  plan
    .filter((n) => n["Relation Name"] === table)
    .map((n) => `${n["Node Type"]} ${n["Index Name"] ?? ""}`.trim());

test("a number's prefix and its sequence read invoices through their indexes; no document table is scanned", async () => {
  const plan = await planOfSearch("x2023-01");
  for (const table of ["invoices", "quotes", "sales_orders"])
    expect(scans(plan, table).filter((s) => s.startsWith("Seq Scan"))).toEqual([]);
  const indexes = new Set(plan.map((n) => n["Index Name"]).filter(Boolean));
  expect(indexes).toContain("invoices_number_prefix_idx");
  // (Quotes and sales orders are empty here: the planner reads them through any index of org_id.)

  const digits = await planOfSearch("0123");
  expect(scans(digits, "invoices").filter((s) => s.startsWith("Seq Scan"))).toEqual([]);
  expect(new Set(digits.map((n) => n["Index Name"]))).toContain("invoices_sequence_idx");
});
