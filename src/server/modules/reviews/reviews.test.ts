import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer } from "../../../shared/contracts/index.js";
import { emails, notifications, reviews } from "../../db/schema/index.js";
import { withContact, withOrg, withSystem } from "../../db/scope.js";
import {
  expectOrdered,
  expectPagingBounds,
  expectSortBothWays,
  walkForward,
} from "../../lists/list-test-support.js";
import { buildCustomer, type TestOrg } from "../../test/factories.js";
import { contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";
import { averageOf } from "./reviews.service.js";

const { ctx, org, otherOrg: other } = setUpTestApp("Reviewed", "Elsewhere");
let customer: Customer;
let sibling: Customer;
let far: Customer;
let cookie: string;
let secondCookie: string;
let siblingCookie: string;
let farCookie: string;

beforeAll(async () => {
  customer = await buildCustomer(ctx, org, "Acme");
  sibling = await buildCustomer(ctx, org, "Sibling");
  far = await buildCustomer(ctx, other, "Far");
  cookie = await contactSessionCookie(ctx, org, customer, "password");
  secondCookie = await contactSessionCookie(ctx, org, customer, "password", customer.contacts[1]?.id);
  siblingCookie = await contactSessionCookie(ctx, org, sibling, "password");
  farCookie = await contactSessionCookie(ctx, other, far, "password");
});

const portalUrl = (o: TestOrg) => `/api/portal/${o.slug}/review`;
const put = (payload: unknown, c = cookie, o: TestOrg = org) =>
  ctx.app.inject({ method: "PUT", url: portalUrl(o), headers: { cookie: c }, payload: payload as object });
const mine = (c = cookie, o: TestOrg = org) => ctx.app.inject({ url: portalUrl(o), headers: { cookie: c } });
const withdraw = (c = cookie, o: TestOrg = org) =>
  ctx.app.inject({ method: "DELETE", url: portalUrl(o), headers: { cookie: c } });
const staffGet = (url: string, o: TestOrg = org) => ctx.app.inject({ url, headers: { cookie: o.cookie } });

const reviewEmails = () =>
  withSystem(ctx.database.db, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.orgId, org.orgId), eq(emails.kind, "staff_notification"))),
  ).then((rows) => rows.filter((e) => /review|reseña/i.test(e.subject)));

describe("a contact's review (E11)", () => {
  test("bad input is refused and changes nothing", async () => {
    for (const payload of [
      { rating: 0 },
      { rating: 6 },
      { rating: 3.5 },
      { rating: "5" },
      {},
      { rating: 4, body: "x".repeat(2001) },
      { rating: 4, body: "nul\u0000" },
    ]) {
      const res = await put(payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 40)).toBe(400);
      expect(res.json().code).toBe("VALIDATION_FAILED");
    }
    expect((await mine()).json()).toEqual({ review: null });
  });

  test("writes a review at the bounds, then edits the same one; staff are notified both times", async () => {
    const first = await put({ rating: 5, body: `  ${"é".repeat(2000)}  ` });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rating: 5, body: "é".repeat(2000) });
    const edited = await put({ rating: 1, body: "Changed my mind <b>really</b>" });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: first.json().id, rating: 1 });
    expect((await mine()).json().review).toMatchObject({ id: first.json().id, rating: 1 });
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(reviews)
        .where(eq(reviews.contactId, customer.contacts[0]?.id ?? "")),
    );
    expect(rows).toHaveLength(1);

    const notices = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(notifications).where(eq(notifications.type, "review_written")),
    );
    expect(notices.map((n) => n.data.edited)).toEqual([0, 1]);
    const sent = await reviewEmails();
    expect(sent).toHaveLength(2);
    const last = sent.find((e) => e.textBody.includes("Changed my mind"));
    expect(last?.subject).toMatch(/edit/);
    expect(last?.htmlBody).toContain("&lt;b&gt;really");
    expect(last?.textBody).toContain(`/app/customers/${customer.id}`);
  });

  test("a rating of 1 to 5 with no text is a review", async () => {
    const res = await put({ rating: 3 }, secondCookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rating: 3, body: "" });
  });

  test("withdrawing ends the current review; writing again starts a new one", async () => {
    const before = (await mine()).json().review.id;
    expect((await withdraw()).json()).toEqual({ ok: true });
    expect((await mine()).json()).toEqual({ review: null });
    const again = await withdraw();
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe("NOT_FOUND");
    const fresh = await put({ rating: 4, body: "Back again" });
    expect(fresh.json().id).not.toBe(before);
    const old = await staffGet(`/api/reviews/${before}`);
    expect(old.statusCode).toBe(200);
    expect(old.json().withdrawnAt).toEqual(expect.any(String));
  });

  test("the database keeps one current review per contact", async () => {
    const contactId = customer.contacts[0]?.id ?? "";
    await expect(
      withContact(ctx.database.db, org.orgId, customer.id, (tx) =>
        tx.insert(reviews).values({ orgId: org.orgId, customerId: customer.id, contactId, rating: 2 }),
      ),
    ).rejects.toThrow();
    // …and a contact of another customer cannot be named in a review.
    await expect(
      withContact(ctx.database.db, org.orgId, customer.id, (tx) =>
        tx.insert(reviews).values({
          orgId: org.orgId,
          customerId: customer.id,
          contactId: sibling.contacts[1]?.id ?? "",
          rating: 2,
        }),
      ),
    ).rejects.toThrow();
  });

  test("twenty parallel first reviews of one contact leave one current review", async () => {
    const lone = await buildCustomer(ctx, org, "Racer");
    const c = await contactSessionCookie(ctx, org, lone, "password");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => put({ rating: (i % 5) + 1, body: `try ${i}` }, c)),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const count = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(reviews)
        .where(and(eq(reviews.customerId, lone.id), sql`withdrawn_at is null`)),
    );
    expect(count[0]?.n).toBe(1);
  });

  test("a staff preview reads but cannot write", async () => {
    const preview = await contactSessionCookie(ctx, org, sibling, "preview");
    expect((await mine(preview)).statusCode).toBe(200);
    expect((await put({ rating: 5 }, preview)).statusCode).toBe(403);
  });
});

describe("other customers and organisations", () => {
  test("a contact of another customer sees only its own review", async () => {
    expect((await mine(siblingCookie)).json()).toEqual({ review: null });
    expect((await withdraw(siblingCookie)).statusCode).toBe(404);
  });

  test("a contact of another organisation cannot use this portal, nor see these reviews", async () => {
    expect((await mine(farCookie)).statusCode).toBe(401);
    expect((await put({ rating: 5 }, farCookie)).statusCode).toBe(401);
    expect((await mine(farCookie, other)).json()).toEqual({ review: null });
  });

  test("another organisation's staff get 404 for a review and a customer of this one", async () => {
    const list = (await staffGet("/api/reviews")).json();
    const id = list.items[0].id;
    expect((await staffGet(`/api/reviews/${id}`, other)).statusCode).toBe(404);
    expect((await staffGet(`/api/reviews?customerId=${customer.id}`, other)).statusCode).toBe(404);
    expect((await staffGet("/api/reviews", other)).json()).toMatchObject({
      items: [],
      count: 0,
      average: null,
    });
  });
});

describe("staff's reviews (A15)", () => {
  test("lists current reviews with the average, the histogram and a rating filter", async () => {
    const all = (await staffGet("/api/reviews")).json();
    const ratings = all.items.map((r: { rating: number }) => r.rating);
    expect(all.count).toBe(ratings.length);
    expect(all.histogram.reduce((a: number, b: number) => a + b, 0)).toBe(all.count);
    const sum = ratings.reduce((a: number, b: number) => a + b, 0);
    expect(all.average).toBe(averageOf(sum, ratings.length));
    expect(all.items[0]).toMatchObject({ customerName: expect.any(String), contactName: expect.any(String) });

    const fours = (await staffGet("/api/reviews?rating=4")).json();
    expect(fours.items.every((r: { rating: number }) => r.rating === 4)).toBe(true);
    expect(fours.count).toBe(all.count);
    expect((await staffGet("/api/reviews?rating=9")).statusCode).toBe(400);
  });

  test("the customer's overview lists its contacts' current reviews", async () => {
    const res = (await staffGet(`/api/reviews?customerId=${customer.id}`)).json();
    expect(res.items.map((r: { customerId: string }) => r.customerId)).toEqual([customer.id, customer.id]);
    expect(res.count).toBe(2);
    expect(res.average).toBe("3.50");
  });

  test("the average rounds half up to two decimals in integer arithmetic", () => {
    expect(averageOf(0, 0)).toBeNull();
    expect(averageOf(5, 1)).toBe("5.00");
    expect(averageOf(10, 3)).toBe("3.33");
    expect(averageOf(11, 3)).toBe("3.67");
    expect(averageOf(1, 8)).toBe("0.13");
    expect(averageOf(7, 2)).toBe("3.50");
  });
});

describe("staff's review list pages (issue 19)", () => {
  type Row = { id: string; rating: number; customerId: string; updatedAt: string };
  const get = (url: string) => staffGet(url);
  let many: Customer;

  beforeAll(async () => {
    // Eight current reviews of one customer (ties on rating and on time), and one withdrawn.
    many = await buildCustomer(
      ctx,
      org,
      "Many",
      Array.from({ length: 9 }, (_, i) => ({
        name: `Many ${i}`,
        email: `many-${i}-${Date.now()}@example.com`,
      })),
    );
    await withContact(ctx.database.db, org.orgId, many.id, (tx) =>
      tx.insert(reviews).values(
        many.contacts.map((c, i) => ({
          orgId: org.orgId,
          customerId: many.id,
          contactId: c.id,
          rating: (i % 3) + 2,
          body: `Review ${i}`,
          updatedAt: new Date(Date.UTC(2030, 0, 1 + (i % 4))),
          withdrawnAt: i === 8 ? new Date(Date.UTC(2030, 1, 1)) : null,
        })),
      ),
    );
  });

  test.each(["newest", "rating"])("sort %s both ways: every current row once", async (sort) => {
    const rows = await expectSortBothWays<Row>(get, `/api/reviews?customerId=${many.id}&sort=${sort}`, 3, 8);
    if (sort === "rating") expectOrdered(rows, (r) => r.rating);
    else expectOrdered(rows, (r) => r.updatedAt);
  });

  test("filters by rating; the figures stay those of the customer filter", async () => {
    const threes = await walkForward<Row>(get, `/api/reviews?customerId=${many.id}&rating=3`, 2);
    expect(threes.map((r) => r.rating)).toEqual([3, 3, 3]);
    const first = (await get(`/api/reviews?customerId=${many.id}&rating=3&limit=2`)).json();
    expect(first).toMatchObject({ count: 8, histogram: [0, 3, 3, 2, 0] });
    expect(first.page.next).toEqual(expect.any(String));
  });

  test("another organisation's cursor is refused; bounds answer 400", async () => {
    const foreign = (await staffGet("/api/reviews?limit=1", other)).json().page.next;
    const ours = (await get(`/api/reviews?customerId=${many.id}&limit=1`)).json().page.next as string;
    expect((await staffGet(`/api/reviews?after=${encodeURIComponent(ours)}`, other)).json().code).toBe(
      "CURSOR_INVALID",
    );
    await expectPagingBounds(get, "/api/reviews", foreign ?? undefined);
  });
});
