import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { formatNumber } from "./numbering.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const year = () => testToday().slice(0, 4);

const issue = (org: TestOrg, id: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${id}/issue`,
    headers: { cookie: org.cookie },
    payload: {},
  });

async function freshOrg(name: string): Promise<{ org: TestOrg; customerId: string }> {
  const org = await buildOrg(ctx, name);
  const customer = await buildCustomer(ctx, org, `${name} Customer`);
  return { org, customerId: customer.id };
}

/**
 * `count` copies of a draft in one statement on the owner connection: the rows creating a draft writes
 * (invoices.service.ts `writeDraft`: the header and its lines), each copy under new ids.
 */
async function copiesOfDraft(draftId: string, count: number): Promise<string[]> {
  const copies = await ctx.database.db.execute(sql`
    with copy as (select gen_random_uuid() as id from generate_series(1, ${count})),
    header as (
      insert into invoices
      select (jsonb_populate_record(i, jsonb_build_object('id', copy.id))).*
        from invoices i, copy where i.id = ${draftId}
      returning id),
    line as (
      insert into invoice_lines
      select (jsonb_populate_record(l, jsonb_build_object('id', gen_random_uuid(), 'invoice_id', copy.id))).*
        from invoice_lines l, copy where l.invoice_id = ${draftId})
    select id from header`);
  return (copies.rows as { id: string }[]).map((r) => r.id);
}

describe("invoice numbers are gap-free per series and year", () => {
  test("sequential issues take 0001, 0002, 0003 in issue order, whatever the order of creation", async () => {
    const { org, customerId } = await freshOrg("Sequential");
    const drafts = [];
    for (let i = 0; i < 3; i++) drafts.push(await buildInvoice(ctx, org, customerId));
    const numbers: string[] = [];
    for (const d of drafts.reverse()) numbers.push((await issue(org, d.id)).json().number);
    expect(numbers).toEqual([1, 2, 3].map((n) => `F${year()}-000${n}`));
  });

  test("a failed issue does not consume a number", async () => {
    const { org, customerId } = await freshOrg("Failed Issue");
    const first = await buildInvoice(ctx, org, customerId, { issue: true });
    const empty = await ctx.app.inject({
      method: "POST",
      url: "/api/invoices",
      headers: { cookie: org.cookie },
      payload: { customerId, lines: [] },
    });
    const failed = await issue(org, empty.json().id);
    expect(failed.statusCode).toBe(422);
    expect(failed.json().code).toBe("INVOICE_EMPTY");
    const second = await buildInvoice(ctx, org, customerId, { issue: true });
    expect([first.number, second.number]).toEqual([`F${year()}-0001`, `F${year()}-0002`]);
  });

  test("each organisation has its own counter", async () => {
    const a = await freshOrg("Counter A");
    const b = await freshOrg("Counter B");
    await buildInvoice(ctx, a.org, a.customerId, { issue: true });
    const firstOfB = await buildInvoice(ctx, b.org, b.customerId, { issue: true });
    const secondOfA = await buildInvoice(ctx, a.org, a.customerId, { issue: true });
    expect(firstOfB.number).toBe(`F${year()}-0001`);
    expect(secondOfA.number).toBe(`F${year()}-0002`);
  });

  test("200 concurrent issues get 1…200, each exactly once", async () => {
    const { org, customerId } = await freshOrg("Concurrent");
    const n = 200;
    // One draft through the API, the others its copies: the set-up is not itself a stress test.
    const first = await buildInvoice(ctx, org, customerId);
    const drafts = [first.id, ...(await copiesOfDraft(first.id, n - 1))];
    expect(new Set(drafts).size).toBe(n);
    const results = await Promise.all(drafts.map((id) => issue(org, id)));
    expect(results.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);
    const numbers = results.map((r) => r.json().number as string);
    const sequences = numbers.map((num) => Number(num.slice(`F${year()}-`.length))).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(numbers.every((num) => num.startsWith(`F${year()}-`))).toBe(true);

    const listed = await ctx.app.inject({
      url: "/api/invoices?status=issued&limit=200",
      headers: { cookie: org.cookie },
    });
    expect(new Set(listed.json().items.map((r: { number: string }) => r.number)).size).toBe(n);
    const next = await buildInvoice(ctx, org, customerId, { issue: true });
    expect(next.number).toBe(`F${year()}-0201`);
  }, 60_000);
});

describe("formatNumber", () => {
  const yearArb = fc.integer({ min: 2000, max: 2999 });
  // Four digits cover 9999 invoices a year; see the wider property below for larger sequences.
  const seqArb = fc.integer({ min: 1, max: 9999 });

  test("formats prefix, year and a zero-padded sequence", () => {
    expect(formatNumber("F", 2026, 1)).toBe("F2026-0001");
    expect(formatNumber("R", 2025, 123)).toBe("R2025-0123");
    expect(formatNumber("F", 2026, 12345)).toBe("F2026-12345");
  });

  test("sorting the strings sorts by (year, sequence)", () => {
    fc.assert(
      fc.property(fc.tuple(yearArb, seqArb), fc.tuple(yearArb, seqArb), ([y1, s1], [y2, s2]) => {
        const a = formatNumber("F", y1, s1);
        const b = formatNumber("F", y2, s2);
        const byValue = y1 !== y2 ? Math.sign(y1 - y2) : Math.sign(s1 - s2);
        const byText = a < b ? -1 : a > b ? 1 : 0;
        expect(byText).toBe(byValue);
      }),
      { numRuns: 2000 },
    );
  });

  test("natural (numeric) order still holds beyond 9999", () => {
    const collator = new Intl.Collator("en", { numeric: true });
    fc.assert(
      fc.property(
        fc.tuple(yearArb, fc.integer({ min: 1, max: 10_000_000 })),
        fc.tuple(yearArb, fc.integer({ min: 1, max: 10_000_000 })),
        ([y1, s1], [y2, s2]) => {
          const byValue = y1 !== y2 ? Math.sign(y1 - y2) : Math.sign(s1 - s2);
          expect(Math.sign(collator.compare(formatNumber("F", y1, s1), formatNumber("F", y2, s2)))).toBe(
            byValue,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("unique per (year, sequence): the number reads back to the pair it came from", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("F", "FR-", "A"),
        yearArb,
        fc.integer({ min: 1, max: 10_000_000 }),
        (prefix, y, s) => {
          const text = formatNumber(prefix, y, s);
          const m = /^(.*)(\d{4})-(\d{4,})$/.exec(text);
          expect(m?.slice(1).map((v, i) => (i === 0 ? v : Number(v)))).toEqual([prefix, y, s]);
        },
      ),
      { numRuns: 2000 },
    );
    const seen = new Set<string>();
    for (let y = 2024; y <= 2026; y++) for (let s = 1; s <= 3000; s++) seen.add(formatNumber("F", y, s));
    expect(seen.size).toBe(3 * 3000);
  });
});
