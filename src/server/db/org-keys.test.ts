import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../test/factories.js";
import { createTestContext, type TestContext } from "../test/harness.js";

/**
 * The database itself refuses a row that points at another organisation's parent (migration 0032), as
 * the code never would: run as the database owner, past row-level security, so only the keys are tested.
 */
let ctx: TestContext;
let a: TestOrg;
let b: TestOrg;
let aCustomer: string;
let bCustomer: string;
let bInvoice: string;

beforeAll(async () => {
  ctx = await createTestContext();
  a = await buildOrg(ctx, "Keys A");
  b = await buildOrg(ctx, "Keys B");
  aCustomer = (await buildCustomer(ctx, a, "A's customer")).id;
  bCustomer = (await buildCustomer(ctx, b, "B's customer")).id;
  bInvoice = (await buildInvoice(ctx, b, bCustomer, { issue: true })).id;
});
afterAll(() => ctx.close());

const run = (query: ReturnType<typeof sql>) => ctx.database.db.execute(query);
const profile = (orgId: string, customerId: string) => sql`
  insert into recurring_profiles (org_id, customer_id, name, currency, lines, frequency, start_date,
    payment_terms_days, mode, next_index)
  values (${orgId}, ${customerId}, 'Monthly', 'EUR', '[]', 'monthly', '2030-01-01', 30, 'draft', 0)
  returning id`;
const foreignKeyViolation = { cause: expect.objectContaining({ code: "23503" }) };

describe("organisation-consistent keys (0032)", () => {
  test("a recurring profile cannot name another organisation's customer", async () => {
    await expect(run(profile(a.orgId, bCustomer))).rejects.toMatchObject(foreignKeyViolation);
    await expect(run(profile(a.orgId, aCustomer))).resolves.toBeDefined();
  });

  test("an invoice cannot point at another organisation's recurring profile", async () => {
    const rows = (await run(profile(a.orgId, aCustomer))) as unknown as { rows: { id: string }[] };
    const aProfile = rows.rows[0]?.id;
    expect(aProfile).toBeDefined();
    await expect(
      run(sql`update invoices set recurring_profile_id = ${aProfile} where id = ${bInvoice}`),
    ).rejects.toMatchObject(foreignKeyViolation);
  });

  test("a reminder cannot name another organisation's invoice or customer", async () => {
    await expect(
      run(sql`insert into invoice_reminders (org_id, customer_id, invoice_id, kind, reminder_date, recipients)
              values (${a.orgId}, ${aCustomer}, ${bInvoice}, 'on_due', '2030-01-01', 1)`),
    ).rejects.toMatchObject(foreignKeyViolation);
    await expect(
      run(sql`insert into invoice_reminders (org_id, customer_id, invoice_id, kind, reminder_date, recipients)
              values (${b.orgId}, ${aCustomer}, ${bInvoice}, 'on_due', '2030-01-01', 1)`),
    ).rejects.toMatchObject(foreignKeyViolation);
  });
});
