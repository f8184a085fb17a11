import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bearer, buildApiKey } from "../../modules/api-keys/test-support.js";
import { createTestContext, type TestContext } from "../harness.js";
import { crawlAsStaff, fingerprint, keyOf, loadRoutes, type Route } from "./crawler.js";
import { buildTenantWorld, type TenantWorld } from "./fixtures.js";

/**
 * The crawler of cross-tenant.test.ts with an API key as the principal (issue 12, G5): organisation A's
 * key, called on every back-office route of the OpenAPI document with B's ids, answers 403/404 and
 * never B's data, and B's rows stay as they were; portal routes do not take keys at all.
 */
let ctx: TestContext;
let attacker: TenantWorld;
let victim: TenantWorld;
let routes: Route[];

beforeAll(async () => {
  // A limit no crawl reaches: what is tested here is scope, not pace.
  ctx = await createTestContext({ API_KEY_RATE_LIMIT: "10000" });
  attacker = await buildTenantWorld(ctx, "Keyholder");
  victim = await buildTenantWorld(ctx, "Keyed victim");
  routes = await loadRoutes(ctx);
});
afterAll(() => ctx.close());

describe("an API key of one organisation", () => {
  test("reaches nothing of another through any GET of the back office (read key)", async () => {
    const key = await buildApiKey(ctx, attacker.org, { scope: "read" });
    const gets = routes.filter((r) => r.method === "GET");
    expect(gets.length).toBeGreaterThan(20);
    // The key works (so the refusals below are about scope, not a dead credential).
    const own = await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) });
    expect(own.body).toContain(attacker.invoices[0].id);
    const before = await fingerprint(ctx, victim.org.orgId);
    expect(await crawlAsStaff(ctx, gets, attacker, victim, bearer(key))).toEqual([]);
    expect(await fingerprint(ctx, victim.org.orgId)).toBe(before);
  });

  test("reaches and changes nothing of another through any back-office route (write key)", async () => {
    const key = await buildApiKey(ctx, attacker.org, { scope: "write" });
    const before = await fingerprint(ctx, victim.org.orgId);
    expect(await crawlAsStaff(ctx, routes, attacker, victim, bearer(key))).toEqual([]);
    expect(await fingerprint(ctx, victim.org.orgId)).toBe(before);
  });

  test("is not a credential of the portal: every portal route ignores it", async () => {
    const key = await buildApiKey(ctx, attacker.org, { scope: "write" });
    const failures: string[] = [];
    const portal = routes.filter((r) => r.path.startsWith("/api/portal/{slug}/invoices"));
    expect(portal.length).toBeGreaterThan(0);
    for (const route of portal) {
      const url = route.path
        .replace("{slug}", attacker.org.slug)
        .replace(/\{\w+\}/g, attacker.invoices[0].id);
      const res = await ctx.app.inject({ method: route.method as "GET", url, headers: bearer(key) });
      if (res.statusCode < 400 || res.body.includes(attacker.invoices[0].id))
        failures.push(`${keyOf(route)} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
