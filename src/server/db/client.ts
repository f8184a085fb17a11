import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
// biome-ignore lint/suspicious/noExplicitAny: both drivers share this surface; the HKT differs per driver.
export type Db = PgDatabase<PgQueryResultHKT & any, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

// PostgreSQL returns bigint (int8) as text; amounts are safe integers by construction (see money rules).
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint out of safe range: ${v}`);
  return n;
});

/** Opens PostgreSQL when a URL is given, else PGlite in `dataDir` (or in memory for "memory://"). */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle pooled connection that the server ends (restart, failover, a dropped test database)
    // emits "error" on the pool; unhandled, that would crash the process. The pool replaces it on the
    // next checkout, so log and go on.
    pool.on("error", (err) => {
      if ((err as { code?: string }).code !== "57P01") console.error("idle database connection lost", err);
    });
    return { db: drizzlePg(pool, { schema }) as unknown as Db, kind: "postgres", close: () => pool.end() };
  }
  const dir = opts.dataDir && opts.dataDir !== "memory://" ? opts.dataDir : undefined;
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  };
}
