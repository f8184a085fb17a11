import { bigint, type PgColumn, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import * as clock from "../../clock.js";

/**
 * The id of a table that is not distributed by organisation (decision 057: organisations, users, the
 * job queue…): the primary key on its own.
 */
export const id = () => uuid("id").primaryKey().defaultRandom();
/**
 * The id of a tenant row (decision 057): random, unique in practice, and the primary key together with
 * `org_id` (`tenantPrimaryKey`), so the table can be distributed by organisation.
 */
export const rowId = () => uuid("id").notNull().defaultRandom();
/** The primary key (org_id, id) of a tenant table, under PostgreSQL's usual name `<table>_pkey`. */
export const tenantPrimaryKey = (table: string, t: { orgId: PgColumn; id: PgColumn }) =>
  primaryKey({ name: `${table}_pkey`, columns: [t.orgId, t.id] });
export const orgId = () => uuid("org_id").notNull();
export const ts = (name: string) => timestamp(name, { withTimezone: true });
/**
 * A timestamp that starts as "now". The database keeps its `now()` default (migrations unchanged, and
 * hand-written SQL inserts still get a value), but every insert through Drizzle sets it from the server
 * clock, so stored times and the times the server compares them with come from one clock (ADR 014).
 */
export const stampedNow = (name: string) =>
  ts(name)
    .notNull()
    .defaultNow()
    .$defaultFn(() => clock.now());
export const createdAt = () => stampedNow("created_at");
export const updatedAt = () => stampedNow("updated_at");
/** Money: integer minor units; see src/shared/money. */
export const minor = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);
