import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { CreateTaxBody, Tax } from "../../../shared/contracts/index.js";
import type { Db, Tx } from "../../db/client.js";
import { taxes } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";

const toTax = (t: typeof taxes.$inferSelect): Tax => ({
  id: t.id,
  name: t.name,
  rateBp: t.rateBp,
  isDefault: t.isDefault,
});

export function listTaxes(db: Db, orgId: string): Promise<Tax[]> {
  return withOrg(db, orgId, async (tx) =>
    (await tx.select().from(taxes).where(isNull(taxes.archivedAt)).orderBy(asc(taxes.createdAt))).map(toTax),
  );
}

export function createTax(db: Db, orgId: string, input: Required<CreateTaxBody>): Promise<Tax> {
  return withOrg(db, orgId, (tx) => insertTax(tx, orgId, input));
}

/** At most one default per organisation (partial unique index); a new default replaces the old one. */
export async function insertTax(tx: Tx, orgId: string, input: Required<CreateTaxBody>): Promise<Tax> {
  if (input.isDefault) await tx.update(taxes).set({ isDefault: false }).where(eq(taxes.isDefault, true));
  const [row] = await tx
    .insert(taxes)
    .values({ orgId, ...input })
    .returning();
  if (!row) throw new AppError("INTERNAL");
  return toTax(row);
}

/** The taxes a line may carry: live ones of this organisation (RLS keeps others out). */
export async function loadTaxes(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, typeof taxes.$inferSelect>();
  const rows = await tx
    .select()
    .from(taxes)
    .where(and(inArray(taxes.id, ids), isNull(taxes.archivedAt)));
  return new Map(rows.map((t) => [t.id, t]));
}

export async function defaultTax(tx: Tx) {
  const [row] = await tx
    .select()
    .from(taxes)
    .where(and(eq(taxes.isDefault, true), isNull(taxes.archivedAt)));
  return row ?? null;
}

/** The live taxes by rate, the default first among equal rates (an import names a line's tax by its rate). */
export async function taxesByRate(tx: Tx): Promise<Map<number, typeof taxes.$inferSelect>> {
  const rows = await tx.select().from(taxes).where(isNull(taxes.archivedAt)).orderBy(asc(taxes.createdAt));
  const byRate = new Map<number, typeof taxes.$inferSelect>();
  for (const t of rows) if (!byRate.has(t.rateBp) || t.isDefault) byRate.set(t.rateBp, t);
  return byRate;
}
