import { bigint, timestamp, uuid } from "drizzle-orm/pg-core";
import * as clock from "../../clock.js";

export const id = () => uuid("id").primaryKey().defaultRandom();
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
