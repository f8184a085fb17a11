import { sql } from "drizzle-orm";
import type { Db, Tx } from "./client.js";

/**
 * Every query of the product runs inside one of these. Each sets the tenant with SET LOCAL (so it ends
 * with the transaction) and drops to the non-owner role portico_app, under which FORCE row-level
 * security applies: a query that forgets a WHERE org_id still sees only its tenant, and a transaction
 * that sets no scope sees nothing.
 */
async function enter(tx: Tx, scope: "staff" | "contact" | "system", orgId: string, customerId: string) {
  await tx.execute(
    sql`select set_config('app.scope', ${scope}, true), set_config('app.org_id', ${orgId}, true),
               set_config('app.customer_id', ${customerId}, true)`,
  );
  await tx.execute(sql`set local role portico_app`);
}

export function assertUuid(value: string, what: string): void {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new TypeError(`${what} must be a UUID`);
  }
}

/** Staff work on one organisation. */
export function withOrg<T>(db: Db, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertUuid(orgId, "orgId");
  return db.transaction(async (tx) => {
    await enter(tx, "staff", orgId, "");
    return fn(tx);
  });
}

/** A contact in the portal: one organisation and one of its customers. */
export function withContact<T>(
  db: Db,
  orgId: string,
  customerId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  assertUuid(orgId, "orgId");
  assertUuid(customerId, "customerId");
  return db.transaction(async (tx) => {
    await enter(tx, "contact", orgId, customerId);
    return fn(tx);
  });
}

/**
 * Before a tenant is known: sign-in, token look-ups, resolving a portal slug, creating an organisation.
 * The policies let this scope reach only those tables (see migration 0001).
 */
export function withSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enter(tx, "system", "", "");
    return fn(tx);
  });
}
