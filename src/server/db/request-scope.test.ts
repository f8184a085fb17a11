import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { setUpTestApp } from "../test/scenarios.js";
import type { Tx } from "./client.js";
import {
  detachedFromRequest,
  endRequestTransaction,
  runInRequestTransaction,
  withContact,
  withOrg,
  withSystem,
} from "./scope.js";

/**
 * The read request's shared transaction (decision 031) never runs a call in a scope it did not ask for,
 * however its calls overlap: the review found a call in the old scope slipping in while another call's
 * scope switch was on its way to the database.
 */
const { ctx, org } = setUpTestApp("Request Scope Org");
const customerId = randomUUID();

async function scopeOf(tx: Tx): Promise<string> {
  const result = await tx.execute(
    sql`select current_setting('app.scope', true) || ':' || current_setting('app.customer_id', true) as s`,
  );
  return (result.rows[0] as { s: string }).s;
}

/** `work` as a read request's handler would run it, then the request's end (committed). */
function inReadRequest<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    runInRequestTransaction(ctx.database.db, () => {
      work()
        .then(async (value) => {
          await endRequestTransaction(true);
          resolve(value);
        })
        .catch(async (err) => {
          await endRequestTransaction(false);
          reject(err);
        });
    });
  });
}

test("overlapping calls in different scopes each run in their own", async () => {
  const db = ctx.database.db;
  const contact = `contact:${customerId}`;
  const seen = await inReadRequest(async () => {
    await withContact(db, org.orgId, customerId, scopeOf); // the request's scope, as its sign-in sets it
    return Promise.all([
      withOrg(db, org.orgId, scopeOf),
      withContact(db, org.orgId, customerId, scopeOf),
      withSystem(db, scopeOf),
      withContact(db, org.orgId, customerId, async (tx) => [await scopeOf(tx), await scopeOf(tx)]),
      // Nested calls that overlap inside one call, and the caller's scope put back after them.
      withSystem(db, async (tx) => {
        const inner = await Promise.all([
          withContact(db, org.orgId, customerId, scopeOf),
          withOrg(db, org.orgId, scopeOf),
        ]);
        return [...inner, await scopeOf(tx)];
      }),
    ]);
  });
  expect(seen).toEqual(["staff:", contact, "system:", [contact, contact], [contact, "staff:", "system:"]]);
});

test("work a request does not wait for reads in transactions of its own", async () => {
  const db = ctx.database.db;
  let detached: Promise<string> | undefined;
  await inReadRequest(async () => {
    await withContact(db, org.orgId, customerId, scopeOf);
    detached = detachedFromRequest(() => withSystem(db, scopeOf));
  });
  expect(await detached).toBe("system:");
});
