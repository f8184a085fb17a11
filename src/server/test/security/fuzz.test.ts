import { describe, expect, test } from "vitest";
import { z } from "zod";
import type { App } from "../../app-types.js";
import { fuzzFile, testCorpusHalf } from "./fuzz-suite.js";
import { fuzzCases, runFuzz } from "./fuzzer.js";

/**
 * Two deliberately careless routes, for the test of the test (kept out of the real crawl): one converts
 * an amount that is not an integer (a RangeError: 500), one answers an error in its own shape.
 */
const CARELESS = "/api/careless-";
function addCarelessRoutes(app: App) {
  app.post(`${CARELESS}total`, { schema: { body: z.object({ amountMinor: z.number() }) } }, async (req) => {
    const { amountMinor } = req.body as { amountMinor: number };
    return { totalMinor: String(BigInt(amountMinor) * 100n) };
  });
  app.post(`${CARELESS}shape`, { schema: { body: z.object({ amount: z.number() }) } }, async (req, reply) => {
    const { amount } = req.body as { amount: number };
    if (amount < 0) return reply.status(422).send({ error: "negative" });
    return { ok: true };
  });
}

/**
 * Every JSON route of the OpenAPI document (so a new route is covered without editing this test), called
 * by staff or by a contact with a fixed corpus of bad input: missing fields, wrong types, NUL bytes,
 * 1 MB strings, huge, negative and fractional amounts, dates out of range, unknown currencies, malformed
 * JSON, wrong content types, bad path ids and query strings. Nothing answers 5xx, and every error answer
 * is problem+json with a stable `code`. This file sends the corpus's first half, fuzz-second-half.test.ts
 * the rest (fuzz-suite.ts).
 */
const file = fuzzFile(addCarelessRoutes);

describe("bad-input fuzzer", () => {
  testCorpusHalf(file, 0, (r) => r.path.startsWith(CARELESS));
});

describe("the fuzzer itself", () => {
  test("it reports a route that answers 500 on a fractional amount, or an error without a code", async () => {
    const careless = file.routes.filter((r) => r.path.startsWith(CARELESS));
    expect(careless).toHaveLength(2);
    const { failures, serverErrors } = await runFuzz(file.ctx, fuzzCases(careless, file.world));
    expect(serverErrors).toBeGreaterThan(0);
    expect(failures.some((f) => f.startsWith(`POST ${CARELESS}total`) && f.includes("→ 500"))).toBe(true);
    expect(failures.some((f) => f.startsWith(`POST ${CARELESS}shape`) && f.includes("→ 422"))).toBe(true);
  });
});
