import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { App } from "../../app-types.js";
import type { Database } from "../../db/client.js";
import { invoices } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import { requireStaff } from "../../http/auth.js";
import { requireContact } from "../../http/portal-auth.js";
import { createTestContext, type TestContext } from "../harness.js";
import { crawlAnonymously, crawlAsContact, crawlAsStaff, fingerprint, loadRoutes } from "./crawler.js";
import { buildTenantWorld, type TenantWorld } from "./fixtures.js";

/**
 * Every route of the OpenAPI document (so a new route is covered without editing this test), called with
 * ids of another organisation and another customer, as staff, as a contact and anonymously: each answers
 * 401/403/404, and the victim's rows stay exactly as they were.
 */
let ctx: TestContext;
let attacker: TenantWorld;
let victim: TenantWorld;
/** Everything of the app but the deliberately broken routes (kept out of the real crawls, as the fuzzer's). */
let routes: Awaited<ReturnType<typeof loadRoutes>>;
/** The same, broken routes included, for the tests of the test. */
let routesWithBroken: typeof routes;

/**
 * Two deliberately broken routes, for the tests of the test: `guard` signs the caller in, but the invoice is
 * read on the owner connection without withOrg or withContact, as a careless raw query would.
 */
const isBroken = (path: string) => path.includes("/broken-invoices/");
function addBrokenRoutes(app: App, database: Database) {
  const broken = (url: string, guard: typeof requireStaff | typeof requireContact) =>
    app.get(url, { onRequest: guard(database.db), schema: { tags: ["broken"] } }, async (req) => {
      const { id } = req.params as { id: string };
      const [row] = await database.db.select().from(invoices).where(eq(invoices.id, id));
      if (!row) throw new AppError("NOT_FOUND");
      return { id: row.id, number: row.number };
    });
  broken("/api/broken-invoices/:id", requireStaff);
  broken("/api/portal/:slug/broken-invoices/:id", requireContact);
}

beforeAll(async () => {
  ctx = await createTestContext({}, addBrokenRoutes);
  attacker = await buildTenantWorld(ctx, "Attacker");
  victim = await buildTenantWorld(ctx, "Victim");
  routesWithBroken = await loadRoutes(ctx);
  routes = routesWithBroken.filter((r) => !isBroken(r.path));
});
afterAll(() => ctx.close());

describe("cross-tenant and cross-customer crawler", () => {
  test("the document lists the routes to crawl", () => {
    expect(routes.length).toBeGreaterThan(25);
  });

  test("a contact reaches nothing of another customer or another organisation", async () => {
    const before = await fingerprint(ctx, victim.org.orgId);
    expect(await crawlAsContact(ctx, routes, attacker, victim)).toEqual([]);
    expect(await fingerprint(ctx, victim.org.orgId)).toBe(before);
  });

  test("anonymous callers get 401 (404 for what does not exist) everywhere but public branding", async () => {
    const before = await fingerprint(ctx, victim.org.orgId);
    expect(await crawlAnonymously(ctx, routes, victim)).toEqual([]);
    expect(await fingerprint(ctx, victim.org.orgId)).toBe(before);
  });

  test("staff of one organisation reach nothing of another", async () => {
    const before = await fingerprint(ctx, victim.org.orgId);
    expect(await crawlAsStaff(ctx, routes, attacker, victim)).toEqual([]);
    expect(await fingerprint(ctx, victim.org.orgId)).toBe(before);
  });

  test("public branding of a portal tells nothing but the branding", async () => {
    const res = await ctx.app.inject({ url: `/api/portal/${victim.org.slug}` });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(["brandColor", "language", "logoUrl", "name"]);
  });
});

/**
 * An attacker no crawl has used yet (a crawl leaves its caller state, e.g. the portal's pay route then
 * answers a repeated request 409); the victim is the one above, unchanged by every crawl (its fingerprint).
 */
const freshAttacker = (name: string) => buildTenantWorld(ctx, name);

describe("the crawler itself", () => {
  test("it reports a route that lost its scope check (test of the test)", async () => {
    const failures = await crawlAsStaff(ctx, routesWithBroken, await freshAttacker("Scratch A"), victim);
    // Reported for answering 200 and for leaking the victim's invoice; nothing else is reported.
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.startsWith("GET /api/broken-invoices/{id}"))).toBe(true);
    expect(failures).toContainEqual(expect.stringMatching(/→ 200/));
  });

  test("it reports a portal route that reads outside the contact's scope (test of the test)", async () => {
    const failures = await crawlAsContact(ctx, routesWithBroken, await freshAttacker("Scratch C"), victim);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.startsWith("GET /api/portal/{slug}/broken-invoices/{id}"))).toBe(true);
    // The sibling customer's invoice of the same organisation is among what it reached.
    expect(failures).toContainEqual(expect.stringMatching(/same org, other customer\) → 200/));
  });
});
