import { expect } from "vitest";

/*
 * Issue 19 (decision 058): what every back-office list's API tests check, whatever the list: a walk of
 * its pages forward and backward, and the bounds of its paging parameters. `get` reads a URL as one
 * organisation's staff; `base` is the list's URL with its sort and filters (and a `?`).
 */

type Get = (url: string) => Promise<{ statusCode: number; body: string; json: () => unknown }>;
export type Page<T> = { items: T[]; page: { next: string | null; prev: string | null } };

/** Every row of the order, page after page by `page.next`; `between` runs before each next page. */
export async function walkForward<T>(
  get: Get,
  base: string,
  limit: number,
  between?: () => Promise<void>,
): Promise<T[]> {
  const seen: T[] = [];
  let res = await get(`${base}&limit=${limit}`);
  for (let pages = 0; pages < 1000; pages++) {
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Page<T>;
    seen.push(...p.items);
    if (!p.page.next) return seen;
    await between?.();
    res = await get(`${base}&limit=${limit}&after=${encodeURIComponent(p.page.next)}`);
  }
  throw new Error("more than 1000 pages");
}

/** Every row of the order, from the last page back by `page.prev`, in the order's direction. */
export async function walkBackward<T>(get: Get, base: string, limit: number): Promise<T[]> {
  const seen: T[] = [];
  let res = await get(`${base}&limit=${limit}&last=true`);
  for (let pages = 0; pages < 1000; pages++) {
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Page<T>;
    seen.unshift(...p.items);
    if (!p.page.prev) return seen;
    res = await get(`${base}&limit=${limit}&before=${encodeURIComponent(p.page.prev)}`);
  }
  throw new Error("more than 1000 pages");
}

/**
 * A sort both ways: forward and backward walks give the same rows once each, and descending is
 * ascending reversed (ties broken by id both ways). Answers the ascending rows.
 */
export async function expectSortBothWays<T extends { id: string }>(
  get: Get,
  base: string,
  limit: number,
  count: number,
): Promise<T[]> {
  const asc = await walkForward<T>(get, `${base}&dir=asc`, limit);
  expect(asc).toHaveLength(count);
  expect(new Set(asc.map((r) => r.id)).size).toBe(count);
  expect((await walkBackward<T>(get, `${base}&dir=asc`, limit)).map((r) => r.id)).toEqual(
    asc.map((r) => r.id),
  );
  const desc = await walkForward<T>(get, `${base}&dir=desc`, limit);
  expect(desc.map((r) => r.id)).toEqual(asc.map((r) => r.id).reverse());
  return asc;
}

/** Rows walked are in `key`'s order (numbers or ISO texts compared as such). */
export function expectOrdered<T>(rows: T[], key: (r: T) => number | string) {
  for (let i = 1; i < rows.length; i++)
    expect(key(rows[i - 1] as T) <= key(rows[i] as T), `row ${i} out of order`).toBe(true);
}

/**
 * The paging bounds of a list (`url` without a query): limit 0 and 201, two cursors at once, a cursor
 * not of ours, and `foreignCursor` (another organisation's, or another sort's) are 400 problem+json.
 */
export async function expectPagingBounds(get: Get, url: string, foreignCursor?: string) {
  const refused = async (q: string) => {
    const res = await get(`${url}?${q}`);
    expect(res.statusCode, q).toBe(400);
    const body = res.json() as { code: string; errors?: { field: string; code?: string }[] };
    expect(body.code, q).toBeTruthy();
    return body;
  };
  expect((await refused("limit=0")).errors?.[0]).toMatchObject({ field: "querystring.limit" });
  expect((await refused("limit=201")).errors?.[0]).toMatchObject({ field: "querystring.limit" });
  expect((await refused("after=abc&before=abc")).errors?.[0]).toMatchObject({ code: "not_allowed" });
  expect((await refused("after=not-a-cursor")).code).toBe("CURSOR_INVALID");
  expect((await refused(`after=${"x".repeat(513)}`)).errors?.[0]).toMatchObject({
    field: "querystring.after",
  });
  if (foreignCursor)
    expect((await refused(`after=${encodeURIComponent(foreignCursor)}`)).code).toBe("CURSOR_INVALID");
}
