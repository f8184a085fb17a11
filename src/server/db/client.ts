import { PGlite, type QueryOptions } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { PgliteStatements } from "./pglite-statements.js";
import { StatementNames } from "./statement-names.js";

// No relational schema (decision 062): `db.query.*` does not type-check, as it would fail at run time.
// biome-ignore lint/suspicious/noExplicitAny: both drivers share this surface; the HKT differs per driver.
export type Db = PgDatabase<PgQueryResultHKT & any>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  /**
   * LISTEN on a channel (live updates, src/server/realtime): PGlite's own listen in-process, or one
   * dedicated pg client on a server, reconnected if the connection drops. Returns the unlisten.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Every statement the driver sends (BEGIN and COMMIT included) is appended here while a test sets it
   * to an array (the statement budget test); null, the default, records nothing.
   */
  statements: { recording: string[] | null };
}

// PostgreSQL returns bigint (int8) as text; amounts are safe integers by construction (see money rules).
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint out of safe range: ${v}`);
  return n;
});

/** Opens PostgreSQL when a URL is given, else PGlite in `dataDir` (or in memory for "memory://"). */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir?: string;
  /** PGlite only: start from a dumped data directory (tests load one migrated copy instead of migrating each file). */
  loadDataDir?: Blob;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle pooled connection that the server ends (restart, failover, a dropped test database)
    // emits "error" on the pool; unhandled, that would crash the process. The pool replaces it on the
    // next checkout, so log and go on.
    pool.on("error", (err) => {
      if ((err as { code?: string }).code !== "57P01") console.error("idle database connection lost", err);
    });
    const statements: Database["statements"] = { recording: null };
    const names = new StatementNames();
    // drizzle without `{ schema }`: the product uses no relational queries (`db.query.*`), and with a schema
    // every transaction built a query builder for each of the ~80 tables (decision 062).
    pool.on("connect", (client) => instrumentPgClient(client, statements, names));
    return {
      db: drizzlePg(pool) as unknown as Db,
      kind: "postgres",
      statements,
      close: () => pool.end(),
      listen: (channel, onPayload) => listenPg(opts.databaseUrl as string, channel, onPayload),
    };
  }
  const dir = opts.dataDir && opts.dataDir !== "memory://" ? opts.dataDir : undefined;
  // btree_gist: the appointments' exclusion constraint (org_id WITH =, blocked WITH &&; decision 045).
  const extensions = { btree_gist };
  const client = dir
    ? new PGlite(dir, { extensions })
    : new PGlite({ loadDataDir: opts.loadDataDir, extensions });
  await client.waitReady;
  const statements: Database["statements"] = { recording: null };
  recordPgliteStatements(client, statements);
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: "pglite",
    statements,
    close: () => client.close(),
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return () => (client.closed ? Promise.resolve() : unlisten());
    },
  };
}

type Recorder = Database["statements"];

/**
 * node-postgres: every statement goes through a pooled client's `query` (BEGIN and COMMIT too), where
 * it is recorded for the statement budget test and, when it has parameters (drizzle's queries), given
 * a name so that the connection prepares and plans it once (`StatementNames`).
 */
function instrumentPgClient(client: pg.PoolClient, statements: Recorder, names: StatementNames): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: typeof query }).query = (...args) => {
    const first = args[0] as string | (pg.QueryConfig & { name?: string });
    const text = typeof first === "string" ? first : first.text;
    statements.recording?.push(text);
    const values = Array.isArray(args[1]) ? args[1] : typeof first === "string" ? undefined : first.values;
    if (typeof first !== "string" && first.name === undefined && values && values.length > 0) {
      const name = names.nameOf(text);
      if (name !== undefined) args[0] = { ...first, name };
    }
    return query(...args);
  };
}

/** PGlite sends BEGIN/COMMIT/ROLLBACK inside `transaction`, the rest through `query`/`exec` of the client or its tx. */
function recordPgliteStatements(client: PGlite, statements: Recorder): void {
  const named = new PgliteStatements(client);
  const note = (text: string) => {
    statements.recording?.push(text);
    named.noteStatement(text);
  };
  const wrap = <T extends { query: PGlite["query"]; exec: PGlite["exec"] }>(target: T, bound: T) => {
    const query = bound.query.bind(bound);
    const exec = bound.exec.bind(bound);
    target.query = ((text: string, ...rest: []) => {
      note(text);
      return query(text, ...rest);
    }) as T["query"];
    target.exec = ((text: string, ...rest: []) => {
      note(text);
      return exec(text, ...rest);
    }) as T["exec"];
  };
  const transaction = client.transaction.bind(client);
  wrap(client, client);
  client.transaction = (fn) =>
    transaction(async (tx) => {
      // PGlite runs each statement synchronously and hands its lock to the next waiting transaction in a
      // microtask, so under load a queue of transactions ran back to back without the event loop ever
      // turning: no socket read or written for up to a second (issue 14: p99 of 5 s at 50 connections).
      // One turn of the loop per transaction lets answers go out and new requests join the queue.
      await new Promise<void>((resolve) => setImmediate(resolve));
      note("BEGIN");
      const recorded = { ...tx };
      Object.defineProperty(recorded, "closed", { get: () => tx.closed });
      wrap(recorded, tx);
      const query = tx.query.bind(tx) as Parameters<PgliteStatements["query"]>[0];
      recorded.query = ((text: string, params?: unknown[], options?: QueryOptions) => {
        note(text);
        return named.query(query, text, params, options);
      }) as typeof tx.query;
      try {
        const result = await fn(recorded);
        note("COMMIT");
        return result;
      } catch (err) {
        note("ROLLBACK");
        throw err;
      }
    });
}

/** A pooled connection cannot LISTEN (it goes back to the pool), so live updates hold their own. */
async function listenPg(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  const retry = () => {
    if (!stopped) setTimeout(() => void connect().catch(retry), 1000).unref();
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (msg) => {
      if (msg.channel === channel && msg.payload) onPayload(msg.payload);
    });
    // A dropped connection (server restart, failover) is reopened; events meanwhile are lost, which
    // the web apps cover by re-reading when their stream reconnects.
    c.on("error", () => undefined);
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    c.on("end", () => {
      if (client === c) retry();
    });
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}
