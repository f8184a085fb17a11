import { afterAll, beforeAll, expect, test } from "vitest";
import type { App } from "../../app-types.js";
import { createTestContext, type TestContext } from "../harness.js";
import { loadRoutes, type Route } from "./crawler.js";
import { buildTenantWorld, type TenantWorld } from "./fixtures.js";
import { type FuzzCase, fuzzCases, runFuzz } from "./fuzzer.js";

/**
 * The bad-input fuzzer's corpus runs in two files (fuzz.test.ts, fuzz-second-half.test.ts), each on its own
 * app and tenant world, so the suite's two workers share it. Both files build the same corpus and split it
 * at the same route boundary: together they send every request of it, each route's requests in one file
 * and in their order.
 */
export interface FuzzFile {
  ctx: TestContext;
  world: TenantWorld;
  routes: Route[];
}

/** One app (with `extend`'s extra routes) and one tenant world for the file's tests. */
export function fuzzFile(extend?: (app: App) => void): FuzzFile {
  const file = {} as FuzzFile;
  beforeAll(async () => {
    file.ctx = await createTestContext({}, extend);
    file.world = await buildTenantWorld(file.ctx, "Fuzzed");
    file.routes = await loadRoutes(file.ctx);
  });
  afterAll(() => file.ctx.close());
  return file;
}

/** The first or second half of the corpus, cut at the route boundary nearest its middle request. */
export function halfOfCorpus(cases: FuzzCase[], half: 0 | 1): FuzzCase[] {
  let cut = Math.floor(cases.length / 2);
  while (cut < cases.length && cases[cut]?.key === cases[cut - 1]?.key) cut++;
  return half === 0 ? cases.slice(0, cut) : cases.slice(cut);
}

/** The corpus over the file's routes but `hidden` ones: no request answers 5xx or an error without a code. */
export function testCorpusHalf(file: FuzzFile, half: 0 | 1, hidden: (route: Route) => boolean = () => false) {
  test(`no request of the corpus (half ${half + 1} of 2) answers 5xx or an error without a problem+json code`, async () => {
    const corpus = fuzzCases(
      file.routes.filter((r) => !hidden(r)),
      file.world,
    );
    expect(corpus.length).toBeGreaterThan(1000);
    const cases = halfOfCorpus(corpus, half);
    const { failures, serverErrors } = await runFuzz(file.ctx, cases);
    const routeCount = new Set(cases.map((c) => c.key)).size;
    console.log(
      `fuzzer, half ${half + 1}: ${cases.length} of ${corpus.length} requests over ${routeCount} routes, ${serverErrors} answers >= 500, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    expect(serverErrors).toBe(0);
  }, 120_000);
}
