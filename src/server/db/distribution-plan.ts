/**
 * How each table of the public schema is laid out on a distributed PostgreSQL (Citus), checked against
 * the catalogue by `distribution-check.ts` (test/distribution.test.ts; decision 057).
 *
 * - distributed: sharded by the column named, all colocated, so that a request of one organisation runs
 *   on one node. Any table with an `org_id` column is distributed by it unless listed here.
 * - reference: copied whole to every node; small, read everywhere, written rarely. A distributed table
 *   may reference it; it may not reference a distributed table.
 * - local: stays on the coordinator only (a Citus local table); no foreign key to or from distributed
 *   tables.
 *
 * A new table without `org_id` fails the check until it is classified here, with its reason.
 */
export type TableClass =
  | { class: "distributed"; column: string; reason?: string; optional?: boolean }
  | { class: "reference"; reason: string; optional?: boolean }
  | { class: "local"; reason: string; optional?: boolean };

export type DistributionPlan = Record<string, TableClass>;

export const distributionPlan: DistributionPlan = {
  organisations: {
    class: "reference",
    reason:
      "the tenants: found by portal slug (unique across every organisation) before any organisation is known, " +
      "read by nearly every request and joined from every shard; a few thousand rows, written rarely",
  },
  portal_slug_history: {
    class: "reference",
    reason:
      "a portal's former slugs, unique across every organisation (an old link redirects to its portal): " +
      "looked up by slug alone, written only when an organisation renames its portal",
  },
  users: {
    class: "reference",
    reason:
      "staff people belong to several organisations (memberships) and sign in by email, unique across all, " +
      "before an organisation is chosen",
  },
  staff_password_tokens: {
    class: "reference",
    reason: "a staff person's password reset tokens: belong to the person (users), not to an organisation",
  },
  staff_recovery_codes: {
    class: "reference",
    reason:
      "a staff person's two-factor recovery codes: belong to the person (users), not to an organisation",
  },
  login_attempts: {
    class: "local",
    reason:
      "sign-in throttle counters by IP and account, written on every attempt and read by key before anyone " +
      "is known; no organisation, no foreign keys; kept on the coordinator the app processes talk to",
  },
  rate_limit_hits: {
    class: "local",
    reason:
      "per-IP and per-key request counters shared by the app processes, written on every limited request, " +
      "keys span organisations; no foreign keys, pruned by a periodic task",
  },
  jobs: {
    class: "local",
    reason:
      "the job queue (decision 036): claimed FOR UPDATE SKIP LOCKED across all organisations by the runners, " +
      "system jobs have no organisation (org_id null) and kind+key is unique across all; one table on the " +
      "coordinator, no foreign keys",
  },
};
