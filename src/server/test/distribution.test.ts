import { sql, TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkDistribution } from "../db/distribution-check.js";
import { distributionPlan } from "../db/distribution-plan.js";
import { createTestContext, type TestContext } from "./harness.js";

/**
 * Issue 18 (decision 057): every table of the migrated database can be laid out on a distributed
 * PostgreSQL (Citus) as `distribution-plan.ts` says, read from the catalogue. Runs on PGlite (npm test)
 * and PostgreSQL (npm run test:pg).
 */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("the distribution check", () => {
  test("every table of the schema can be distributed by organisation, or is a reference or local table", async () => {
    expect(await checkDistribution(ctx.database.db)).toEqual([]);
  });

  test("every reference and local table of the plan says why it is not distributed", async () => {
    for (const [table, entry] of Object.entries(distributionPlan)) {
      if (entry.class !== "distributed") expect(entry.reason.length, table).toBeGreaterThan(20);
    }
  });

  test("a row is still found by its id alone (system scope) through an index on id, not a scan", async () => {
    const tables = ["emails", "import_jobs", "recurring_profiles", "checkout_sessions", "contact_sessions"];
    await ctx.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        for (const table of tables) {
          const plan = JSON.stringify(
            await tx.execute(
              sql.raw(`explain (format json) select * from ${table} where id = '${crypto.randomUUID()}'`),
            ),
          );
          expect(plan, table).toContain(`"Index Name":"${table}_id_idx"`);
        }
        tx.rollback();
      })
      .catch((err) => {
        if (!(err instanceof TransactionRollbackError)) throw err;
      });
  });

  test("it names the table and the key of each rule a table breaks (a scratch schema, rolled back)", async () => {
    let problems: string[] = [];
    await ctx.database.db
      .transaction(async (tx) => {
        const ddl = (statement: string) => tx.execute(sql.raw(statement));
        await ddl("create schema distribution_probe");
        await ddl("set local search_path = distribution_probe");
        // A reference table, and a distributed one keyed as Citus wants it.
        await ddl("create table tenants (id uuid primary key, slug text not null unique)");
        await ddl(`create table good_parents (org_id uuid not null references tenants(id), id uuid not null,
                     token text not null, primary key (org_id, id), unique (token, org_id))`);
        // Nullable org_id, a primary key and a unique constraint and index without it.
        await ddl(
          `create table bad_parents (org_id uuid, id uuid primary key, code text unique, token text)`,
        );
        await ddl("create unique index bad_parents_token_key on bad_parents (token)");
        // An exclusion constraint without org_id.
        await ddl(`create table bookings (org_id uuid not null, id uuid not null, during tstzrange not null,
                     primary key (org_id, id), constraint bookings_no_overlap exclude using gist (during with &&))`);
        await ddl("create table queue (id uuid primary key)");
        // Foreign keys: paired (fine), by id alone (not colocated), to a local table.
        await ddl(`create table children (org_id uuid not null, id uuid not null, parent_id uuid, other_id uuid,
                     queue_id uuid, primary key (org_id, id),
                     constraint children_good_fk foreign key (org_id, parent_id) references good_parents(org_id, id),
                     constraint children_bad_fk foreign key (other_id) references bad_parents(id),
                     constraint children_queue_fk foreign key (queue_id) references queue(id))`);
        // A reference table that references a distributed one.
        await ddl(`create table lookups (id uuid primary key, parent_org uuid, parent_id uuid,
                     constraint lookups_parent_fk foreign key (parent_org, parent_id) references good_parents(org_id, id))`);
        // No org_id, no class, no primary key.
        await ddl("create table strays (name text)");
        problems = await checkDistribution(tx, {
          schema: "distribution_probe",
          plan: {
            tenants: { class: "reference", reason: "the tenants" },
            lookups: { class: "reference", reason: "a look-up" },
            queue: { class: "local", reason: "a queue" },
            ghosts: { class: "local", reason: "gone" },
          },
        });
        tx.rollback();
      })
      .catch((err) => {
        if (!(err instanceof TransactionRollbackError)) throw err;
      });
    const expected = [
      "bad_parents: distribution column org_id is nullable",
      "bad_parents: primary key bad_parents_pkey (id) does not include the distribution column org_id",
      "bad_parents: unique constraint bad_parents_code_key (code) does not include the distribution column org_id",
      "bad_parents: unique index bad_parents_token_key (token) does not include the distribution column org_id",
      "bookings: exclusion constraint bookings_no_overlap (during) does not include the distribution column org_id",
      "children: foreign key children_bad_fk (other_id) → bad_parents(id) does not pair org_id with bad_parents.org_id (not colocated)",
      "children: foreign key children_queue_fk (queue_id) → queue(id): a distributed table may not reference a local table",
      "lookups: foreign key lookups_parent_fk (parent_org, parent_id) → good_parents(org_id, id): a reference table may not reference a distributed table",
      "strays: has no org_id and is not in the distribution plan (classify it in distribution-plan.ts)",
      "strays: has no primary key",
      "ghosts: in the distribution plan but not in the database (remove it from the plan)",
    ];
    expect([...problems].sort()).toEqual([...expected].sort());
    // Nothing was left behind.
    const left = await ctx.database.db.execute(
      sql`select 1 from pg_namespace where nspname = 'distribution_probe'`,
    );
    expect((left as unknown as { rows: unknown[] }).rows).toHaveLength(0);
  });
});
