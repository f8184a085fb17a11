import { sql } from "drizzle-orm";
import type { Db, Tx } from "./client.js";
import { type DistributionPlan, distributionPlan, type TableClass } from "./distribution-plan.js";

/**
 * The distribution check (issue 18, decision 057): reads the catalogue of one schema and reports every
 * table that a distributed PostgreSQL (Citus) could not take as the plan classifies it. Citus requires
 * of a table distributed by a column that the column is NOT NULL, that every primary key, unique
 * constraint, unique index and exclusion constraint includes it (exclusion with `=`), and that a foreign
 * key between two distributed tables pairs the two distribution columns (the tables are colocated). A
 * distributed table may reference a reference table; a reference table may not reference a distributed
 * one; a table kept local on the coordinator is neither referenced by nor references a distributed one.
 * Every table has a primary key, and every table without org_id is classified by the plan.
 */

export interface TableInfo {
  table: string;
  columns: Map<string, { notNull: boolean }>;
}

export interface KeyInfo {
  /** Constraint or index name. */
  name: string;
  table: string;
  /** p primary key, u unique, x exclusion, f foreign key, i unique index without a constraint. */
  kind: "p" | "u" | "x" | "f" | "i";
  /** Key columns in order; an expression is "(expression)". */
  columns: string[];
  /** Exclusion constraints: the operator of each key column. */
  operators: string[];
  refTable: string | null;
  refColumns: string[];
}

export interface Catalogue {
  tables: Map<string, TableInfo>;
  keys: KeyInfo[];
}

type Executor = Db | Tx;

async function rowsOf<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Tables (not partitions), their columns, and their keys, of one schema. */
export async function readCatalogue(db: Executor, schema = "public"): Promise<Catalogue> {
  const columns = await rowsOf<{ table: string; column: string; not_null: boolean }>(
    db,
    sql`select c.relname as "table", a.attname as "column", a.attnotnull as not_null
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = ${schema} and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname, a.attnum`,
  );
  const tables = new Map<string, TableInfo>();
  for (const row of columns) {
    let info = tables.get(row.table);
    if (!info) {
      info = { table: row.table, columns: new Map() };
      tables.set(row.table, info);
    }
    info.columns.set(row.column, { notNull: row.not_null });
  }
  const constraints = await rowsOf<{
    name: string;
    table: string;
    kind: "p" | "u" | "x" | "f";
    columns: string[];
    operators: string[];
    ref_table: string | null;
    ref_columns: string[];
  }>(
    db,
    sql`select con.conname as name, c.relname as "table", con.contype::text as kind,
          array(select coalesce(a.attname::text, '(expression)')
                from unnest(con.conkey) with ordinality k(num, pos)
                left join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num
                order by k.pos)::text[] as columns,
          array(select o.oprname::text
                from unnest(coalesce(con.conexclop, '{}'::oid[])) with ordinality k(op, pos)
                join pg_operator o on o.oid = k.op
                order by k.pos)::text[] as operators,
          fc.relname::text as ref_table,
          array(select a.attname::text
                from unnest(coalesce(con.confkey, '{}'::int2[])) with ordinality k(num, pos)
                join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num
                order by k.pos)::text[] as ref_columns
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_class fc on fc.oid = con.confrelid
        where n.nspname = ${schema} and con.contype in ('p', 'u', 'x', 'f')
        order by c.relname, con.conname`,
  );
  const indexes = await rowsOf<{ name: string; table: string; columns: string[] }>(
    db,
    sql`select i.relname as name, c.relname as "table",
          array(select coalesce(a.attname::text, '(expression)')
                from unnest(ix.indkey::int2[]) with ordinality k(num, pos)
                left join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.num and k.num > 0
                where k.pos <= ix.indnkeyatts
                order by k.pos)::text[] as columns
        from pg_index ix
        join pg_class i on i.oid = ix.indexrelid
        join pg_class c on c.oid = ix.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and ix.indisunique
          and not exists (select 1 from pg_constraint con
                          where con.conindid = ix.indexrelid and con.conrelid = ix.indrelid
                            and con.contype in ('p', 'u', 'x'))
        order by c.relname, i.relname`,
  );
  const keys: KeyInfo[] = [
    ...constraints.map((row) => ({
      name: row.name,
      table: row.table,
      kind: row.kind,
      columns: row.columns,
      operators: row.operators,
      refTable: row.ref_table,
      refColumns: row.ref_columns,
    })),
    ...indexes.map((row) => ({
      name: row.name,
      table: row.table,
      kind: "i" as const,
      columns: row.columns,
      operators: [],
      refTable: null,
      refColumns: [],
    })),
  ];
  return { tables, keys };
}

export interface Classified {
  table: string;
  class: TableClass["class"] | "unclassified";
  /** The distribution column of a distributed table. */
  column?: string;
}

/** The class of a table: its entry in the plan, else distributed by org_id when it has that column. */
export function classify(table: TableInfo, plan: DistributionPlan): Classified {
  const entry = plan[table.table];
  if (entry) {
    return entry.class === "distributed"
      ? { table: table.table, class: "distributed", column: entry.column }
      : { table: table.table, class: entry.class };
  }
  if (table.columns.has("org_id")) return { table: table.table, class: "distributed", column: "org_id" };
  return { table: table.table, class: "unclassified" };
}

const KIND_NAMES: Record<KeyInfo["kind"], string> = {
  p: "primary key",
  u: "unique constraint",
  x: "exclusion constraint",
  f: "foreign key",
  i: "unique index",
};

/** Every problem, one readable line each ("table: what (constraint name)"); empty when all can be distributed. */
export function distributionProblems(
  catalogue: Catalogue,
  plan: DistributionPlan = distributionPlan,
): string[] {
  const problems: string[] = [];
  const classes = new Map<string, Classified>();
  for (const table of catalogue.tables.values()) classes.set(table.table, classify(table, plan));

  for (const [name, entry] of Object.entries(plan)) {
    if (!catalogue.tables.has(name) && !entry.optional) {
      problems.push(`${name}: in the distribution plan but not in the database (remove it from the plan)`);
    }
  }
  for (const table of catalogue.tables.values()) {
    const cls = classes.get(table.table) as Classified;
    if (cls.class === "unclassified") {
      problems.push(
        `${table.table}: has no org_id and is not in the distribution plan (classify it in distribution-plan.ts)`,
      );
    }
    if (!catalogue.keys.some((key) => key.table === table.table && key.kind === "p")) {
      problems.push(`${table.table}: has no primary key`);
    }
    if (cls.class === "distributed" && cls.column) {
      const column = table.columns.get(cls.column);
      if (!column) problems.push(`${table.table}: distribution column ${cls.column} does not exist`);
      else if (!column.notNull)
        problems.push(`${table.table}: distribution column ${cls.column} is nullable`);
    }
  }
  for (const key of catalogue.keys) {
    const cls = classes.get(key.table);
    if (!cls) continue;
    const label = `${KIND_NAMES[key.kind]} ${key.name} (${key.columns.join(", ")})`;
    if (key.kind !== "f") {
      if (cls.class !== "distributed" || !cls.column) continue;
      const at = key.columns.indexOf(cls.column);
      if (at < 0)
        problems.push(`${key.table}: ${label} does not include the distribution column ${cls.column}`);
      else if (key.kind === "x" && key.operators[at] !== "=") {
        problems.push(`${key.table}: ${label} does not compare ${cls.column} with =`);
      }
      continue;
    }
    const target = key.refTable ? classes.get(key.refTable) : undefined;
    if (!target) continue;
    const refLabel = `${label} → ${key.refTable}(${key.refColumns.join(", ")})`;
    if (target.class === "distributed") {
      if (cls.class === "distributed") {
        const paired = key.columns.some(
          (column, i) => column === cls.column && key.refColumns[i] === target.column,
        );
        if (!paired) {
          problems.push(
            `${key.table}: ${refLabel} does not pair ${cls.column} with ${key.refTable}.${target.column} (not colocated)`,
          );
        }
      } else {
        problems.push(
          `${key.table}: ${refLabel}: a ${cls.class} table may not reference a distributed table`,
        );
      }
    } else if (target.class === "local" && cls.class !== "local" && cls.class !== "unclassified") {
      problems.push(`${key.table}: ${refLabel}: a ${cls.class} table may not reference a local table`);
    }
  }
  return problems;
}

/** Reads the catalogue and checks it against the plan. */
export async function checkDistribution(
  db: Executor,
  options: { schema?: string; plan?: DistributionPlan } = {},
): Promise<string[]> {
  return distributionProblems(await readCatalogue(db, options.schema), options.plan);
}
