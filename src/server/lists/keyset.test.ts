import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListDir } from "../../shared/contracts/list-page.js";
import { decodeCursor, encodeCursor, type Keyed, type PagePlan, readPage } from "./keyset.js";

/*
 * The paging logic of `readPage` against an in-memory table whose `fetch` does what the SQL of
 * `keysetSql` does: rows strictly beyond the bound, in the plan's order of (key, id), at most `limit`.
 * Keys are bigints written as text, compared as numbers, with many ties.
 */
type Row = { key: string; id: string };
const order = { name: "amount", cast: "bigint" as const };
const SCOPE = "00000000-0000-4000-8000-000000000001";

const cmp = (a: Row, b: Row) => Number(a.key) - Number(b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function table(rows: Row[]) {
  return async (plan: PagePlan): Promise<Keyed<Row>[]> => {
    const sign = plan.dir === "asc" ? 1 : -1;
    const bound = plan.bound;
    return rows
      .filter((r) => !bound || (bound.op === ">" ? cmp(r, bound.pos) > 0 : cmp(r, bound.pos) < 0))
      .sort((a, b) => sign * cmp(a, b))
      .slice(0, plan.limit)
      .map((r) => ({ item: r, key: r.key, id: r.id }));
  };
}

const uuidOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const rowsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) => fc.integer({ min: -3, max: 3 }).map((k) => ({ key: String(k), id: uuidOf(id) }))),
    ),
  );

describe("keyset pages (decision 058)", () => {
  it("forward from the first page and backward from the last visit every row once, in order", async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom<ListDir>("asc", "desc"),
        async (rows, limit, dir) => {
          const fetch = table(rows);
          const expected = [...rows].sort((a, b) => (dir === "asc" ? cmp(a, b) : cmp(b, a)));

          const forward: Row[] = [];
          let page = await readPage(order, SCOPE, { dir, limit }, fetch);
          expect(page.page.prev).toBeNull();
          forward.push(...page.items);
          while (page.page.next) {
            page = await readPage(order, SCOPE, { dir, limit, after: page.page.next }, fetch);
            expect(page.items.length).toBeGreaterThan(0);
            forward.push(...page.items);
          }
          expect(forward).toEqual(expected);

          const backward: Row[][] = [];
          page = await readPage(order, SCOPE, { dir, limit, last: true }, fetch);
          expect(page.page.next).toBeNull();
          backward.unshift(page.items);
          while (page.page.prev) {
            const before = page.page.prev;
            page = await readPage(order, SCOPE, { dir, limit, before }, fetch);
            // The page before's `next` leads back to where we came from.
            expect(page.page.next).not.toBeNull();
            backward.unshift(page.items);
          }
          expect(backward.flat()).toEqual(expected);
          // Read backwards, every page is full but the first of the order.
          for (const items of backward.slice(1)) expect(items).toHaveLength(limit);
          expect(backward[0]?.length).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("going back a page from any page and forward again returns the same page", async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.integer({ min: 1, max: 5 }), async (rows, limit) => {
        const fetch = table(rows);
        let page = await readPage(order, SCOPE, { dir: "desc", limit }, fetch);
        while (page.page.next) {
          const next = await readPage(order, SCOPE, { dir: "desc", limit, after: page.page.next }, fetch);
          if (!next.page.prev) throw new Error("a page after another has a prev");
          const back = await readPage(order, SCOPE, { dir: "desc", limit, before: next.page.prev }, fetch);
          expect(back.items).toEqual(page.items);
          page = next;
        }
      }),
      { numRuns: 80 },
    );
  });

  it("refuses a cursor of another sort, another organisation, a malformed one or a key of the wrong type", () => {
    const pos = { key: "12", id: uuidOf(1) };
    const good = encodeCursor("amount", SCOPE, pos);
    expect(decodeCursor(good, order, SCOPE, "after")).toEqual(pos);
    const refused = [
      encodeCursor("date", SCOPE, pos),
      encodeCursor("amount", uuidOf(2), pos),
      encodeCursor("amount", SCOPE, { key: "12.5", id: uuidOf(1) }),
      encodeCursor("amount", SCOPE, { key: "1; drop table invoices", id: uuidOf(1) }),
      "not-a-cursor",
      Buffer.from('{"s":"amount"}').toString("base64url"),
    ];
    for (const raw of refused)
      expect(() => decodeCursor(raw, order, SCOPE, "after")).toThrow(
        expect.objectContaining({ code: "CURSOR_INVALID" }),
      );
    const date = { name: "date", cast: "date" as const };
    const dateCursor = (key: string) => encodeCursor("date", SCOPE, { key, id: uuidOf(1) });
    expect(decodeCursor(dateCursor("2028-02-29"), date, SCOPE, "before").key).toBe("2028-02-29");
    expect(() => decodeCursor(dateCursor("2026-02-30"), date, SCOPE, "before")).toThrow();
  });
});
