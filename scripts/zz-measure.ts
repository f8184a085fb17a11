import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
let t = performance.now();
const d = await openDatabase({ dataDir: "memory://" });
console.log("open", performance.now() - t); t = performance.now();
await migrateDatabase(d);
console.log("migrate", performance.now() - t); t = performance.now();
const client = (d.db as any).$client as PGlite;
const dump = await client.dumpDataDir("none");
console.log("dump", performance.now() - t, dump.size); t = performance.now();
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const c2 = new PGlite({ loadDataDir: dump });
  await c2.waitReady;
  console.log("load", performance.now() - t);
  const r = await c2.query("select count(*) from pg_tables where schemaname='public'");
  console.log(r.rows);
  t = performance.now();
  const c3 = new PGlite();
  await c3.waitReady;
  console.log("fresh", performance.now() - t);
}
