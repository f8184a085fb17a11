import { afterAll, beforeAll, expect, test } from "vitest";
import { buildCustomer, buildInvoice, buildOrg } from "./factories.js";
import { createTestContext, type TestContext } from "./harness.js";
let ctx: TestContext;
beforeAll(async () => { ctx = await createTestContext(); });
afterAll(async () => { await ctx.close(); });
test("smoke", async () => {
  const org = await buildOrg(ctx, "Alpha");
  const c = await buildCustomer(ctx, org, "Acme");
  const inv = await buildInvoice(ctx, org, c.id, { issue: true });
  console.log(inv.number, inv.totalMinor, inv.status);
  expect(inv.number).toMatch(/^F\d{4}-0001$/);
});
