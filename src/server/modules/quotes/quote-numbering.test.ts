import { readFileSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { QuoteDetail } from "../../../shared/contracts/index.js";
import { numberSeries } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice, buildOrg, buildQuote, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const year = () => testToday().slice(0, 4);

const send = (org: TestOrg, id: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/quotes/${id}/send`,
    headers: { cookie: org.cookie },
    payload: {},
  });

describe("quote numbers are gap-free per series and year", () => {
  test("quotes and invoices have their own series; revisions take no number", async () => {
    const org = await buildOrg(ctx, "Series Org");
    const customer = await buildCustomer(ctx, org, "Series Customer");
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const q1 = await buildQuote(ctx, org, customer.id, { send: true });
    const revised = await ctx.app.inject({
      method: "POST",
      url: `/api/quotes/${q1.id}/revise`,
      headers: { cookie: org.cookie },
    });
    expect((await send(org, revised.json().id)).json().quote.displayNumber).toBe(`P${year()}-0001-R2`);
    const q2 = await buildQuote(ctx, org, customer.id, { send: true });
    expect([invoice.number, q1.number, q2.number]).toEqual([
      `F${year()}-0001`,
      `P${year()}-0001`,
      `P${year()}-0002`,
    ]);
  });

  test("40 concurrent first sends get 1…40, each exactly once", async () => {
    const org = await buildOrg(ctx, "Concurrent Quotes");
    const customer = await buildCustomer(ctx, org, "Concurrent Customer");
    const n = 40;
    const drafts: QuoteDetail[] = [];
    for (let i = 0; i < n; i += 10) {
      drafts.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, n - i) }, () => buildQuote(ctx, org, customer.id)),
        )),
      );
    }
    const results = await Promise.all(drafts.map((d) => send(org, d.id)));
    expect(results.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);
    const sequences = results
      .map((r) => Number((r.json().quote.number as string).slice(`P${year()}-`.length)))
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  }, 60_000);
});

describe("the migration", () => {
  test("gives an organisation created before quotes its default quote series, once", async () => {
    const org = await buildOrg(ctx, "Older Org");
    const quoteSeries = () =>
      withOrg(ctx.database.db, org.orgId, (tx) =>
        tx
          .select()
          .from(numberSeries)
          .where(and(eq(numberSeries.documentType, "quote"), eq(numberSeries.orgId, org.orgId))),
      );
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.delete(numberSeries).where(eq(numberSeries.documentType, "quote")),
    );
    expect(await quoteSeries()).toHaveLength(0);
    const migration = readFileSync(new URL("../../db/migrations/0003_quotes.sql", import.meta.url), "utf8");
    const block = migration.slice(migration.lastIndexOf("DO $$"));
    for (let i = 0; i < 2; i++) await ctx.database.db.transaction((tx) => tx.execute(sql.raw(block)));
    expect((await quoteSeries()).map((s) => [s.prefix, s.name, s.isDefault])).toEqual([
      ["P", "Presupuestos", true],
    ]);
  });
});
