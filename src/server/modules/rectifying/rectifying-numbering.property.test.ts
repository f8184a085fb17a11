import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;
let org: TestOrg;
let customerId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  // A Spanish organisation (the test default): its credit notes are rectifying invoices (decision 051).
  org = await buildOrg(ctx, "Rectifying Series");
  customerId = (await buildCustomer(ctx, org, "Series Customer")).id;
});
afterAll(() => ctx.close());

const issue = (id: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${id}/issue`,
    headers: { cookie: org.cookie },
    payload: {},
  });

/**
 * Rectifying invoices have their own series ("R", decision 051), gap-free and correlative like the
 * invoices' ("F"): however invoices and rectifying invoices are interleaved and issued at once, each
 * series' numbers are 1…n of the year, each exactly once, and never one of the other series.
 */
test("invoices and rectifying invoices issued concurrently: two gap-free, distinct series", async () => {
  const year = testToday().slice(0, 4);
  const issued = { F: [] as number[], R: [] as number[] };
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom("invoice" as const, "credit_note" as const), { minLength: 1, maxLength: 8 }),
      async (kinds) => {
        const drafts = [];
        for (const kind of kinds) drafts.push(await buildInvoice(ctx, org, customerId, { kind }));
        const results = await Promise.all(drafts.map((d) => issue(d.id)));
        expect(results.map((r) => r.statusCode)).toEqual(kinds.map(() => 200));
        results.forEach((r, i) => {
          const prefix = kinds[i] === "invoice" ? "F" : "R";
          const number = r.json().number as string;
          expect(number.startsWith(`${prefix}${year}-`)).toBe(true);
          issued[prefix].push(Number(number.slice(`${prefix}${year}-`.length)));
        });
        for (const series of [issued.F, issued.R])
          expect([...series].sort((a, b) => a - b)).toEqual(series.map((_, i) => i + 1));
      },
    ),
    { numRuns: 6 },
  );
}, 240_000);
