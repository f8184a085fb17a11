import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import * as clock from "../../clock.js";
import { buildCustomer, buildOrg, loginStaff, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;
let org: TestOrg;
beforeAll(async () => {
  ctx = await createTestContext({ PORTICO_TEST_CLOCK: "1" });
  org = await buildOrg(ctx, "Clock Moving Co");
});
afterAll(() => ctx.close());
afterEach(() => clock.resetClock());

const move = (payload: object) => ctx.app.inject({ method: "POST", url: "/api/test/clock", payload });

test("PORTICO_TEST_CLOCK=1: the clock moves a month and the recurring tick makes the month's invoice", async () => {
  clock.setClock("2045-05-01T09:00:00Z");
  org.cookie = await loginStaff(ctx, org.email, org.password);
  const customer = await buildCustomer(ctx, org, "Clocked Client");
  const created = await ctx.app.inject({
    method: "POST",
    url: "/api/recurring-profiles",
    headers: { cookie: org.cookie },
    payload: {
      customerId: customer.id,
      name: "Retainer",
      lines: [{ description: "Retainer", quantityMilli: 1000, unitPriceMinor: 50000, taxIds: [] }],
      frequency: "monthly",
      startDate: "2045-05-31",
      mode: "send",
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const res = await move({ advanceMs: 31 * 86_400_000 });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().now.slice(0, 10)).toBe("2045-06-01");
  expect(res.json().ran).toBeGreaterThan(0);
  const cookie = await loginStaff(ctx, org.email, org.password);
  const made = await ctx.app.inject({
    url: `/api/recurring-profiles/${created.json().id}/invoices`,
    headers: { cookie },
  });
  expect(made.json()).toMatchObject([{ occurrenceDate: "2045-05-31", status: "sent" }]);
  // Back to the real time.
  const back = await move({ reset: true });
  expect(Math.abs(Date.parse(back.json().now) - Date.now())).toBeLessThan(60_000);
});

test("without PORTICO_TEST_CLOCK the route does not exist, and it is never in the API document", async () => {
  const plain = await createTestContext();
  try {
    expect((await plain.app.inject({ method: "POST", url: "/api/test/clock", payload: {} })).statusCode).toBe(
      404,
    );
  } finally {
    await plain.close();
  }
  const doc = (await ctx.app.inject({ url: "/api/openapi.json" })).json();
  expect(Object.keys(doc.paths)).toContain("/api/recurring-profiles");
  expect(Object.keys(doc.paths)).not.toContain("/api/test/clock");
});
