import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client.js";
import { StatementNames } from "./statement-names.js";

// Named statements (pglite-statements.ts) must answer exactly what PGlite's own `query` answers, and
// survive what drops a session's prepared statements.
describe("named statements on PGlite", () => {
  let database: Database;
  let pg: PGlite;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: "memory://" });
    pg = (database.db as unknown as { $client: PGlite }).$client;
    await pg.exec(`create table t (id int primary key, at date, stamp timestamptz, doc jsonb, big bigint,
      ok boolean, tags text[], note text)`);
    await pg.exec(`insert into t values (1, '2028-02-29', '2028-02-29T10:00:00Z', '{"a":[1,2]}', 9007199254740991,
      true, '{x,y}', null), (2, '2027-01-01', null, null, -5, false, '{}', 'é ☃')`);
  });
  afterAll(() => database.close());

  const text =
    "select id, at, stamp, doc, big, ok, tags, note from t where id >= $1 and ok in ($2, $3) order by id";
  const params = [1, true, false];

  it("answers as PGlite's query does, in both row modes, on the first and the later calls", async () => {
    for (const rowMode of ["array", "object"] as const) {
      const plain = await pg.query(text, params, { rowMode });
      for (let i = 0; i < 3; i++) {
        const named = await pg.transaction((tx) => tx.query(text, params, { rowMode }));
        expect(named.rows).toEqual(plain.rows);
        expect(named.fields).toEqual(plain.fields);
      }
    }
  });

  it("writes values by their described types: dates, json and nulls", async () => {
    const row = await pg.transaction((tx) =>
      tx.query<{ n: number }>(
        "select count(*)::int as n from t where at = $1 and doc = $2 and note is not distinct from $3",
        ["2028-02-29", { a: [1, 2] }, null],
      ),
    );
    expect(row.rows).toEqual([{ n: 1 }]);
  });

  it("reports a failing statement with PostgreSQL's code, and the next transaction goes on", async () => {
    const insert = "insert into t (id, ok) values ($1, $2)";
    await expect(pg.transaction((tx) => tx.query(insert, [1, true]))).rejects.toMatchObject({
      code: "23505",
    });
    await pg.transaction((tx) => tx.query(insert, [3, true]));
    expect((await pg.query("select count(*)::int as n from t")).rows).toEqual([{ n: 3 }]);
  });

  it("parses again after `discard all` dropped the session's statements", async () => {
    await pg.transaction((tx) => tx.query(text, params));
    await pg.exec("discard all");
    const after = await pg.transaction((tx) => tx.query(text, params, { rowMode: "array" }));
    expect(after.rows.map((r) => (r as unknown[])[0])).toEqual([1, 2, 3]);
  });
});

describe("StatementNames", () => {
  it("gives one text one name, another text another, and stops naming past its limit", () => {
    const names = new StatementNames(2);
    const a = names.nameOf("select $1");
    expect(a).toMatch(/^p_/);
    expect(names.nameOf("select $1")).toBe(a);
    expect(names.nameOf("select $1, $2")).not.toBe(a);
    expect(names.nameOf("select $1, $2, $3")).toBeUndefined();
    expect(names.nameOf("select $1")).toBe(a);
  });
});
