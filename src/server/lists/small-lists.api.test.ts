import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appointments, emails, jobs, notifications } from "../db/schema/index.js";
import { withOrg } from "../db/scope.js";
import { buildCustomer, buildOrg, type TestOrg } from "../test/factories.js";
import { createTestContext, type TestContext } from "../test/harness.js";

/*
 * Issue 19 (decision 066): the outbox, the failed jobs, the notifications and the staff's bookings page by
 * keyset like the big lists: every row once in either direction, stable under inserts, filtered, another
 * organisation's rows and cursors refused, limits answered with 400.
 */
let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;

type Row = { id: string };
type Page = { items: Row[]; page: { next: string | null; prev: string | null } };
const get = (o: TestOrg, url: string) => ctx.app.inject({ url, headers: { cookie: o.cookie } });
const join = (base: string, more: string) => `${base}${base.includes("?") ? "&" : "?"}${more}`;

async function walk(o: TestOrg, base: string, limit: number, between?: () => Promise<void>) {
  const seen: Row[] = [];
  let res = await get(o, join(base, `limit=${limit}`));
  for (;;) {
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Page;
    seen.push(...p.items);
    if (!p.page.next) return seen.map((r) => r.id);
    await between?.();
    res = await get(o, join(base, `limit=${limit}&after=${encodeURIComponent(p.page.next)}`));
  }
}

async function walkBack(o: TestOrg, base: string, limit: number) {
  const seen: Row[] = [];
  let res = await get(o, join(base, `limit=${limit}&last=true`));
  for (;;) {
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Page;
    seen.unshift(...p.items);
    if (!p.page.prev) return seen.map((r) => r.id);
    res = await get(o, join(base, `limit=${limit}&before=${encodeURIComponent(p.page.prev)}`));
  }
}

// Seven rows at three instants (ties broken by id), in each list.
const at = (i: number) => new Date(Date.UTC(2031, 2, 3, 9 + Math.floor(i / 3)));
let seq = 0;

async function seed(o: TestOrg, customerId: string, contactId: string) {
  await withOrg(ctx.database.db, o.orgId, async (tx) => {
    for (let i = 0; i < 7; i++) {
      await tx.insert(emails).values({
        orgId: o.orgId,
        kind: i % 2 ? "invoice_sent" : "password_reset",
        toAddress: `to${i}@example.com`,
        subject: i === 3 ? "Special subject" : `Subject ${i}`,
        textBody: "t",
        htmlBody: "h",
        status: i % 2 ? "sent" : "outbox",
        createdAt: at(i),
      });
      await tx.insert(notifications).values({ orgId: o.orgId, type: "invoice_viewed", createdAt: at(i) });
      await tx.insert(jobs).values({
        orgId: o.orgId,
        kind: i % 2 ? "email.deliver" : "import.run",
        key: `small-lists-${o.orgId}-${i}`,
        state: i % 3 === 0 ? "queued" : "dead",
        attempts: 1,
        lastError: "no",
        runAt: at(i),
        createdAt: at(i),
      });
      seq++;
      const start = new Date(Date.UTC(2031, 2, 3 + i, 9 + (i % 2)));
      const end = new Date(start.getTime() + 30 * 60_000);
      await tx.insert(appointments).values({
        orgId: o.orgId,
        customerId,
        contactId,
        startsAt: start,
        endsAt: end,
        blocked: `[${start.toISOString()},${end.toISOString()})`,
        status: i === 2 ? "cancelled" : "booked",
        icsUid: `small-lists-${seq}-${o.orgId}`,
      });
    }
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Small Lists");
  other = await buildOrg(ctx, "Small Lists Other");
  for (const o of [org, other]) {
    const c = await buildCustomer(ctx, o, `Booker ${o.orgId.slice(0, 4)}`);
    await seed(o, c.id, c.contacts[0]?.id as string);
  }
});
afterAll(() => ctx.close());

const lists = [
  { name: "outbox", url: "/api/outbox", totals: "/api/outbox/totals" },
  { name: "failed jobs", url: "/api/background-jobs", totals: "/api/background-jobs/totals" },
  { name: "notifications", url: "/api/notifications", totals: null },
  { name: "bookings", url: "/api/appointments?from=2031-03-01&to=2031-03-31", totals: null },
];

describe.each(lists)("the $name list", ({ url, totals }) => {
  test.each(["asc", "desc"])("%s: every row once, and back from the last page the same rows", async (dir) => {
    const base = join(url, `dir=${dir}`);
    const forward = await walk(org, base, 3);
    expect(forward).toHaveLength(7);
    expect(new Set(forward).size).toBe(7);
    expect(await walkBack(org, base, 3)).toEqual(forward);
    expect([...forward].reverse()).toEqual(
      await walk(org, join(url, `dir=${dir === "asc" ? "desc" : "asc"}`), 2),
    );
    if (totals) expect((await get(org, totals)).json()).toEqual({ count: 7, totals: [] });
  });

  test("another organisation's cursor is refused; limits are bounded", async () => {
    const theirs = (await get(other, join(url, "limit=1"))).json() as Page;
    expect(theirs.items).toHaveLength(1);
    const mine = await walk(org, url, 200);
    expect(mine).not.toContain(theirs.items[0]?.id);
    const refused = await get(org, join(url, `after=${encodeURIComponent(theirs.page.next ?? "")}`));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("CURSOR_INVALID");
    for (const bad of ["limit=0", "limit=201", "after=a&before=b", "sort=nope"]) {
      const res = await get(org, join(url, bad));
      expect(res.statusCode, bad).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});

describe("filters", () => {
  test("outbox by status, kind and search; the count follows", async () => {
    expect(await walk(org, "/api/outbox?status=sent", 2)).toHaveLength(3);
    expect(await walk(org, "/api/outbox?kind=password_reset", 2)).toHaveLength(4);
    const found = (await get(org, "/api/outbox?q=special")).json();
    expect(found.items.map((e: { subject: string }) => e.subject)).toEqual(["Special subject"]);
    expect((await get(org, "/api/outbox/totals?q=to1%40")).json().count).toBe(1);
    expect((await get(org, "/api/outbox?status=lost")).statusCode).toBe(400);
  });

  test("failed jobs by state and kind", async () => {
    expect((await get(org, "/api/background-jobs/totals?state=queued")).json().count).toBe(3);
    expect((await get(org, "/api/background-jobs/totals?state=dead&kind=email.deliver")).json().count).toBe(
      2,
    );
    expect((await get(org, "/api/background-jobs?state=done")).statusCode).toBe(400);
  });

  test("bookings by date range and status, in start order", async () => {
    const first = (await get(org, "/api/appointments?from=2031-03-03&to=2031-03-05&dir=asc")).json();
    expect(first.items.map((a: { startsAt: string }) => a.startsAt.slice(0, 10))).toEqual([
      "2031-03-03",
      "2031-03-04",
      "2031-03-05",
    ]);
    expect(await walk(org, "/api/appointments?status=cancelled", 5)).toHaveLength(1);
    const reversed = await get(org, "/api/appointments?from=2031-03-05&to=2031-03-03");
    expect(reversed.json().errors?.[0]).toMatchObject({ code: "range_reversed" });
  });

  test("notifications: unread only, and the unread count on every page, empty ones too", async () => {
    const firstPage = (await get(org, "/api/notifications?limit=2")).json();
    expect(firstPage.unread).toBe(7);
    const past = (
      await get(org, `/api/notifications?limit=2&unread=true&after=${firstPage.page.next}`)
    ).json();
    expect(past.unread).toBe(7);
    const read = await ctx.app.inject({
      method: "POST",
      url: "/api/notifications/read-all",
      headers: { cookie: org.cookie },
    });
    expect(read.statusCode).toBe(200);
    const none = (await get(org, "/api/notifications?unread=true")).json();
    expect(none).toEqual({ items: [], page: { next: null, prev: null }, unread: 0 });
    expect((await get(other, "/api/notifications?limit=1")).json().unread).toBe(7);
  });
});

test("paging is stable under inserts: rows present at the start are each seen once", async () => {
  const before = await walk(org, "/api/outbox", 200);
  let n = 0;
  const seen = await walk(org, "/api/outbox", 2, () =>
    withOrg(ctx.database.db, org.orgId, async (tx) => {
      n++;
      await tx.insert(emails).values({
        orgId: org.orgId,
        kind: "test",
        toAddress: `late${n}@example.com`,
        subject: "Late",
        textBody: "t",
        htmlBody: "h",
        status: "outbox",
      });
    }),
  );
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toEqual(expect.arrayContaining(before));
});
