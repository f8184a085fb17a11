// The plans behind bench/lists.ts (issue 19, decision 062): `npx tsx bench/lists-explain.ts [filter]` with
// DATABASE_URL (a server you keep) and LISTS_DB (a database there, seeded once by the first run and reused).
// For each page of the lists bench (or those whose label contains `filter`), on both organisations: the
// request's time through app.inject and the EXPLAIN (ANALYZE, BUFFERS) of every statement it ran, as the app
// ran them (its own connection, scope and row-level security), by PostgreSQL's auto_explain, read back from
// the server's log (LISTS_EXPLAIN_LOG, default $PG_CLUSTER_DIR/server.log), and the sum of their execution
// times beside the request's (is the time in SQL at all?).
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { adminQuery, BIG, listCases, openContext, SMALL, seededSides } from "./lists-seed.js";

const serverUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
const dbName = process.env.LISTS_DB;
const logPath =
  process.env.LISTS_EXPLAIN_LOG ||
  (process.env.PG_CLUSTER_DIR ? join(process.env.PG_CLUSTER_DIR, "server.log") : "");
if (!serverUrl || !dbName || !logPath) {
  console.error(
    "usage: DATABASE_URL=… LISTS_DB=name LISTS_EXPLAIN_LOG=server.log npx tsx bench/lists-explain.ts [filter]",
  );
  process.exit(64);
}
const filter = process.argv[2] ?? "";
const verbose = process.env.LISTS_EXPLAIN_VERBOSE !== "0";

// Seed (or find) the organisations first, without auto_explain.
{
  const ctx = await openContext(serverUrl, dbName);
  try {
    await seededSides(ctx);
  } finally {
    await ctx.close();
  }
}

const settings = [
  "session_preload_libraries = 'auto_explain'",
  "auto_explain.log_min_duration = 0",
  "auto_explain.log_analyze = on",
  "auto_explain.log_buffers = on",
  "auto_explain.log_timing = on",
  "auto_explain.log_triggers = off",
  "auto_explain.log_verbose = off",
];
for (const s of settings) await adminQuery(serverUrl, `alter database ${dbName} set ${s}`);
const ctx = await openContext(serverUrl, dbName);
try {
  const sides = await seededSides(ctx);
  const { request, cases } = listCases(ctx);
  const readLog = (from: number) => {
    const size = statSync(logPath).size;
    const buf = Buffer.alloc(size - from);
    const fd = openSync(logPath, "r");
    readSync(fd, buf, 0, buf.length, from);
    closeSync(fd);
    return buf.toString("utf8");
  };
  for (const c of cases.filter((x) => x.label.includes(filter))) {
    for (const label of ["small", "big"] as const) {
      const side = sides[label];
      const url = await c.url(side);
      for (let i = 0; i < 3; i++) await request(side, url); // warm
      // Let the log catch up, then time one request and read its plans.
      await new Promise((r) => setTimeout(r, 200));
      const start = statSync(logPath).size;
      const { ms } = await request(side, url);
      await new Promise((r) => setTimeout(r, 300));
      const text = readLog(start);
      const plans = text.split(/\n(?=\S.*LOG:\s+duration:)/).filter((p) => p.includes("duration:"));
      let sqlMs = 0;
      for (const p of plans) sqlMs += Number(/duration: ([\d.]+) ms/.exec(p)?.[1] ?? 0);
      const size = label === "big" ? BIG : SMALL;
      console.log(
        `\n=== ${c.label} — ${label} (${size.invoices} invoices): request ${ms.toFixed(2)} ms, ` +
          `${plans.length} statements, ${sqlMs.toFixed(2)} ms in them — ${url}`,
      );
      if (verbose) {
        for (const p of plans) {
          // Skip the statements every request runs the same (scope, session): one line each.
          const head = /duration: ([\d.]+) ms\s+plan:\s*\n\s*Query Text: (.*)/.exec(p);
          const dur = Number(head?.[1] ?? 0);
          if (
            dur < 0.3 &&
            !/from "(invoices|payments|customers)"|from invoices|from payments|from customers/.test(p)
          ) {
            console.log(`  [${dur.toFixed(3)} ms] ${(head?.[2] ?? "").slice(0, 120)}`);
            continue;
          }
          console.log(p.replace(/^.*LOG:\s+/, "").trimEnd());
        }
      }
    }
  }
} finally {
  await ctx.close();
  for (const s of settings)
    await adminQuery(serverUrl, `alter database ${dbName} reset ${s.split(" = ")[0]}`);
}
