import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestContext, type TestContext } from "../harness.js";
import { loadRoutes } from "./crawler.js";
import { buildTenantWorld, type TenantWorld } from "./fixtures.js";
import { fuzzCases, runFuzz } from "./fuzzer.js";

/**
 * Every JSON route of the OpenAPI document (so a new route is covered without editing this test), called
 * by staff or by a contact with a fixed corpus of bad input: missing fields, wrong types, NUL bytes,
 * 1 MB strings, huge, negative and fractional amounts, dates out of range, unknown currencies, malformed
 * JSON, wrong content types, bad path ids and query strings. Nothing answers 5xx, and every error answer
 * is problem+json with a stable `code`.
 */
let ctx: TestContext;
let world: TenantWorld;
let routes: Awaited<ReturnType<typeof loadRoutes>>;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await buildTenantWorld(ctx, "Fuzzed");
  routes = await loadRoutes(ctx);
});
afterAll(() => ctx.close());

describe("bad-input fuzzer", () => {
  test("no request of the corpus answers 5xx or an error without a problem+json code", async () => {
    const cases = fuzzCases(routes, world);
    expect(cases.length).toBeGreaterThan(1000);
    const { failures, serverErrors } = await runFuzz(ctx, cases);
    expect(failures).toEqual([]);
    expect(serverErrors).toBe(0);
  }, 120_000);
});
