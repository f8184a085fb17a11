import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSignedInCustomer, type SignedInCustomer, setUpTestApp } from "../test/scenarios.js";
import { LOCAL_SETTINGS } from "./client.js";
import { withOrg, withSystem } from "./scope.js";

/**
 * Decision 064: on PostgreSQL a transaction's BEGIN and its `LOCAL_SETTINGS` statements (the scope) go
 * out in one write with the next statement; their answers are dropped, their errors passed on. On PGlite
 * nothing changes (each statement is a turn of its connection). Both databases must answer alike.
 */
const { ctx, org } = setUpTestApp("Deferred Org");
const onPostgres = () => ctx.database.kind === "postgres";
let signedIn: SignedInCustomer;

beforeAll(async () => {
  signedIn = await buildSignedInCustomer(ctx, org, "Deferred Customer");
});

/** Round trips `work` took. */
async function roundTripsOf(work: () => Promise<unknown>): Promise<number> {
  const before = ctx.database.statements.roundTrips;
  await work();
  return ctx.database.statements.roundTrips - before;
}

const scopeRead = sql`select current_setting('app.scope', true) as scope, current_setting('app.org_id', true) as org,
  current_user as role`;

describe("deferred statements", () => {
  test("the scope set by the deferred statement is in effect for the statement that carries it", async () => {
    const rows = await withOrg(ctx.database.db, org.orgId, async (tx) => (await tx.execute(scopeRead)).rows);
    expect(rows).toEqual([{ scope: "staff", org: org.orgId, role: "portico_app" }]);
    // …and gone after the transaction: SET LOCAL ends with it, on the same pooled connections.
    const after = (await ctx.database.db.execute(scopeRead)).rows[0] as {
      scope: string | null;
      role: string;
    };
    expect(after.scope ?? "").toBe("");
    expect(after.role).not.toBe("portico_app");
  });

  test("a transaction of BEGIN, the scope and one read is two round trips on PostgreSQL", async () => {
    const trips = await roundTripsOf(() =>
      withOrg(ctx.database.db, org.orgId, (tx) => tx.execute(sql`select 1`)),
    );
    // BEGIN + scope + the read in one write, then COMMIT; on PGlite each of the four is a turn.
    expect(trips).toBe(onPostgres() ? 2 : 4);
  });

  test("a transaction that sends nothing but deferred statements sends nothing", async () => {
    const trips = await roundTripsOf(() => withSystem(ctx.database.db, async () => undefined));
    expect(trips).toBe(onPostgres() ? 0 : 3);
    // The connections are in a clean state afterwards: the next transactions work and see their scope.
    for (let n = 0; n < 12; n++) {
      const [row] = (await withOrg(ctx.database.db, org.orgId, (tx) => tx.execute(scopeRead))).rows;
      expect(row).toMatchObject({ scope: "staff", org: org.orgId });
    }
  });

  test("an error of a deferred statement fails the statement that carried it, and the connection recovers", async () => {
    const failing = withSystem(ctx.database.db, async (tx) => {
      await tx.execute(sql.raw(`${LOCAL_SETTINGS}select set_config('role', 'no_such_role_064', true)`));
      return tx.execute(sql`select 1 as one`);
    });
    // drizzle wraps the driver's error (its `cause`); on PostgreSQL the carrier's query is the one named.
    const err = (await failing.then(
      () => null,
      (e: unknown) => e,
    )) as (Error & { cause?: unknown }) | null;
    expect(`${err?.message} ${String(err?.cause)}`).toMatch(/no_such_role_064/);
    // Every pooled connection still answers in its turn (none is left out of step with its answers).
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        withOrg(
          ctx.database.db,
          org.orgId,
          async (tx) => (await tx.execute(sql`select ${n}::int as n`)).rows[0],
        ),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, n) => ({ n })));
  });

  test("the portal's reads: round trips per request", async () => {
    const portal = (path: string) => `/api/portal/${org.slug}${path}`;
    const budgets: [string, number, number][] = [
      // [path, PostgreSQL, PGlite]: BEGIN rides with the sign-in, enable_sort off with the page.
      ["/me", 3, 4],
      ["/invoices", 3, 5],
      ["/home", 6, 7],
      [`/invoices/${signedIn.invoice.id}`, 5, 6],
    ];
    for (const [path, pgBudget, pgliteBudget] of budgets) {
      const inject = () =>
        ctx.app.inject({ method: "GET", url: portal(path), headers: { cookie: signedIn.cookie } });
      expect((await inject()).statusCode, path).toBe(200);
      let status = 0;
      const trips = await roundTripsOf(async () => {
        status = (await inject()).statusCode;
      });
      expect(status, path).toBe(200);
      expect(trips, path).toBeLessThanOrEqual(onPostgres() ? pgBudget : pgliteBudget);
    }
  });
});
