import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
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
let routes: Awaited<ReturnType<typeof loadRoutes>>;

beforeAll(async () => {
  ctx = await createTestContext();
  attacker = await buildTenantWorld(ctx, "Attacker");
  victim = await buildTenantWorld(ctx, "Victim");
  routes = await loadRoutes(ctx);
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
 * A scratch app with one deliberately broken route at `url`: `guard` signs the caller in, but the invoice is
 * read on the owner connection without withOrg or withContact, as a careless raw query would.
 */
const scratchWithBrokenRoute = (url: string, guard: typeof requireStaff | typeof requireContact) =>
  createTestContext({}, (app, database) => {
    app.get(url, { onRequest: guard(database.db), schema: { tags: ["broken"] } }, async (req) => {
      const { id } = req.params as { id: string };
      const [row] = await database.db.select().from(invoices).where(eq(invoices.id, id));
      if (!row) throw new AppError("NOT_FOUND");
      return { id: row.id, number: row.number };
    });
  });

/** Crawls the scratch app with two new tenant worlds, closes it and returns what the crawl reported. */
async function crawlScratch(
  scratch: TestContext,
  crawl: typeof crawlAsStaff | typeof crawlAsContact,
  names: [string, string],
): Promise<string[]> {
  try {
    const a = await buildTenantWorld(scratch, names[0]);
    const b = await buildTenantWorld(scratch, names[1]);
    return await crawl(scratch, await loadRoutes(scratch), a, b);
  } finally {
    await scratch.close();
  }
}

describe("the crawler itself", () => {
  test("it reports a route that lost its scope check (test of the test)", async () => {
    const scratch = await scratchWithBrokenRoute("/api/broken-invoices/:id", requireStaff);
    const failures = await crawlScratch(scratch, crawlAsStaff, ["Scratch A", "Scratch B"]);
    // Reported for answering 200 and for leaking the victim's invoice; nothing else is reported.
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.startsWith("GET /api/broken-invoices/{id}"))).toBe(true);
    expect(failures).toContainEqual(expect.stringMatching(/→ 200/));
  }, 90_000);

  test("it reports a portal route that reads outside the contact's scope (test of the test)", async () => {
    const scratch = await scratchWithBrokenRoute("/api/portal/:slug/broken-invoices/:id", requireContact);
    const failures = await crawlScratch(scratch, crawlAsContact, ["Scratch C", "Scratch D"]);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.startsWith("GET /api/portal/{slug}/broken-invoices/{id}"))).toBe(true);
    // The sibling customer's invoice of the same organisation is among what it reached.
    expect(failures).toContainEqual(expect.stringMatching(/same org, other customer\) → 200/));
  }, 90_000);
});
