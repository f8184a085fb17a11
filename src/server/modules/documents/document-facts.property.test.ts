import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { addDays } from "../../../shared/dates.js";
import { invoiceKinds, invoiceStatuses, invoices } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import {
  dueOf,
  dueSql,
  isOpenStatus,
  isOverdue,
  isPayable,
  openSql,
  overdueSql,
  payableSql,
} from "./document-facts.js";

let ctx: TestContext;
let org: TestOrg;
let base: typeof invoices.$inferSelect;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Facts Properties");
  const customer = await buildCustomer(ctx, org);
  const draft = await buildInvoice(ctx, org, customer.id);
  const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(invoices).where(eq(invoices.id, draft.id)),
  );
  if (!row) throw new Error("no base invoice");
  base = row;
});
afterAll(() => ctx.close());

const GATEWAYS = ["sandbox", "paypal", "stripe"];
const gatewayList = fc.subarray(GATEWAYS);

/** Any row the table accepts, including states the ledger never writes: the twins must agree on all. */
const docRow = fc.record({
  kind: fc.constantFrom(...invoiceKinds),
  status: fc.constantFrom(...invoiceStatuses),
  totalMinor: fc.integer({ min: 0, max: 100_000 }),
  paidMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120_000 })),
  usedMinor: fc.integer({ min: 0, max: 100_000 }),
  dueInDays: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
  gateways: gatewayList,
});

test("every fact's SQL twin answers what its TypeScript rule answers", async () => {
  const today = testToday();
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(docRow, { minLength: 1, maxLength: 12 }),
      gatewayList,
      async (rows, offered) => {
        await withOrg(ctx.database.db, org.orgId, async (tx) => {
          const inserted = await tx
            .insert(invoices)
            .values(
              rows.map((r) => ({
                ...base,
                id: undefined,
                createdAt: undefined,
                updatedAt: undefined,
                kind: r.kind,
                status: r.status,
                totalMinor: r.totalMinor,
                paidMinor: r.paidMinor,
                usedMinor: r.usedMinor,
                dueDate: r.dueInDays === null ? null : addDays(today, r.dueInDays),
                gateways: r.gateways,
              })),
            )
            .returning();
          const read = await tx
            .select({
              id: invoices.id,
              due: dueSql(),
              open: openSql(),
              overdue: overdueSql(today),
              payable: payableSql(offered),
            })
            .from(invoices)
            .where(
              inArray(
                invoices.id,
                inserted.map((d) => d.id),
              ),
            );
          const byId = new Map(read.map((r) => [r.id, r]));
          for (const d of inserted) {
            const r = byId.get(d.id);
            expect({ ...d, sql: r && { ...r, due: Number(r.due) } }).toMatchObject({
              sql: {
                due: dueOf(d),
                open: isOpenStatus(d.status),
                overdue: isOverdue(d, today),
                payable: isPayable(d, offered),
              },
            });
            checked += 1;
          }
          await tx.delete(invoices).where(
            inArray(
              invoices.id,
              inserted.map((d) => d.id),
            ),
          );
        });
      },
    ),
    { numRuns: 40 },
  );
  expect(checked).toBeGreaterThan(40);
});
