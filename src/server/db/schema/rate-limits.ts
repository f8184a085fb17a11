import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "./_columns.js";

/**
 * The per-IP and per-key request limits of @fastify/rate-limit, counted here so that every app process on
 * one PostgreSQL counts the same hits (decision 056). One row per limited key (the route and the client's
 * address, or the API key): the hits of its current window, which ends at `expires_at`. Not a tenant table
 * (keys span organisations, like login_attempts); old rows are pruned by the `rate-limits.prune` task.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("rate_limit_hits_expires_idx").on(t.expiresAt)],
);
