import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  memberships,
  organisations,
  staffPasswordTokens,
  users,
  verifactuRecords,
} from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { TENANT_TABLES, type TenantTable } from "./tenant-tables.js";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The tenant tables in groups, children first: read from the database's own foreign keys (the
 * hand-written ones of migration 0001 are not in the drizzle schema), so each group is emptied before any
 * table it points at. Tables that point at each other (an invoice made from a quote that names the invoice)
 * form one group, emptied in one statement: PostgreSQL checks those references at its end. A table's
 * references to itself are checked the same way.
 */
async function childrenFirst(tx: Tx): Promise<TenantTable[][]> {
  const edges = rowsOf<{ child: string; parent: string }>(
    await tx.execute(sql`
      select c.relname as child, p.relname as parent
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_class p on p.oid = k.confrelid
       where k.contype = 'f' and c.relname <> p.relname`),
  );
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    edges.some(
      (e) =>
        e.child === from &&
        !seen.has(e.parent) &&
        (e.parent === to || reaches(e.parent, to, seen.add(e.parent))),
    );
  const groups: TenantTable[][] = [];
  const left = new Set(TENANT_TABLES);
  while (left.size > 0) {
    const next = [...left]
      .map((t) => [...left].filter((u) => u === t || (reaches(t.name, u.name) && reaches(u.name, t.name))))
      .find((group) =>
        group.every((t) =>
          edges.every(
            (e) =>
              e.parent !== t.name ||
              group.some((g) => g.name === e.child) ||
              ![...left].some((o) => o.name === e.child),
          ),
        ),
      );
    if (!next) throw new Error("no tenant table can be emptied first");
    groups.push(next);
    for (const t of next) left.delete(t);
  }
  return groups;
}

/** Empties the organisation's rows of a group of tables in one statement (one DELETE per table in a CTE). */
async function deleteGroup(tx: Tx, orgId: string, group: TenantTable[]): Promise<void> {
  const [last, ...others] = group.map((t) => sql`delete from ${t.table} where ${t.orgColumn} = ${orgId}`);
  if (!last) return;
  const ctes = others.map((statement, i) => sql`${sql.raw(`d${i}`)} as (${statement})`);
  await tx.execute(ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ${last}` : last);
}

/**
 * Deletes the organisation (issue 12 §1, decision 023): the typed slug must be its portal slug; then, in
 * one transaction in its own staff scope (row-level security keeps every other organisation out of
 * reach), every row of every tenant table, children first, and last the organisation itself. Memberships,
 * sessions, API keys, invitations, document links and portal tokens are tenant rows, so every way in ends
 * with the commit. Then the people who belonged to no other organisation are removed (system scope, the
 * only one that sees every membership), so that they may sign up again with the same email; a person who
 * still belongs to another organisation is kept.
 */
export async function deleteOrganisation(db: Db, orgId: string, typedSlug: string): Promise<void> {
  const members = await withOrg(db, orgId, async (tx) => {
    const [org] = await tx
      .select({ slug: organisations.portalSlug })
      .from(organisations)
      .where(eq(organisations.id, orgId))
      .for("update");
    if (!org || typedSlug.trim() !== org.slug)
      throw new AppError("ORGANISATION_SLUG_MISMATCH", [
        { field: "slug", message: "type the portal slug of the organisation", code: "invalid_value" },
      ]);
    // VERI*FACTU billing records are kept for the legal period: the database refuses to delete them, so
    // an organisation that wrote any is not deleted (decision 049); its owner exports its data instead.
    const [record] = await tx
      .select({ id: verifactuRecords.id })
      .from(verifactuRecords)
      .where(eq(verifactuRecords.orgId, orgId))
      .limit(1);
    if (record) throw new AppError("ORGANISATION_HAS_VERIFACTU_RECORDS");
    const members = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.orgId, orgId));
    // (The app role may not DELETE from verifactu_records at all; there is nothing there to delete.)
    for (const group of await childrenFirst(tx))
      await deleteGroup(
        tx,
        orgId,
        group.filter((t) => t.name !== "verifactu_records"),
      );
    return members.map((m) => m.userId);
  });
  if (members.length === 0) return;
  await withSystem(db, async (tx) => {
    const orphans = tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          inArray(users.id, members),
          notExists(tx.select({ one: sql`1` }).from(memberships).where(eq(memberships.userId, users.id))),
        ),
      );
    await tx.delete(staffPasswordTokens).where(inArray(staffPasswordTokens.userId, orphans));
    await tx.delete(users).where(inArray(users.id, orphans));
  });
}
