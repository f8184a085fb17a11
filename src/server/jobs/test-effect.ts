import { sql } from "drizzle-orm";
import type { JobHandler } from "./job-types.js";

/** Tests (PostgreSQL): the tables a test job writes its effect to, and every run of it. */
export const EFFECT_TABLES_SQL = sql`
  create table if not exists job_effects (key text primary key);
  create table if not exists job_effect_runs (key text not null, worker text not null)`;

/**
 * A job whose effect carries an idempotency key: each run is logged, the effect is written once. With
 * `then` the handler goes on after the effect commits (a test kills its process there).
 */
export function effectHandler(worker: string, then?: () => Promise<void>): JobHandler<{ effectKey: string }> {
  return {
    kind: "test.effect",
    async run(ctx, job) {
      // As the connection's own role (a test database's superuser): these tables are the test's, not the product's.
      await ctx.database.db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into job_effect_runs (key, worker) values (${job.payload.effectKey}, ${worker})`,
        );
        await tx.execute(
          sql`insert into job_effects (key) values (${job.payload.effectKey}) on conflict do nothing`,
        );
      });
      await then?.();
    },
  };
}
