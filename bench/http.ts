// Portal load under autocannon (issue 14): `npx tsx bench/http.ts [seconds per run]` (10 by default).
// Everything in ONE run, so the ratios compare like with like on a machine whose load moves:
// - baseline A: bench/http-baseline.ts, bare Fastify + pg doing Portico's scope transaction by hand
//   (5 statements around one read of the contact's row), measured before and after the portal runs (mean);
// - Portico on PostgreSQL and on PGlite, both spawned as `npx tsx src/server/main.ts` in production mode
//   (request logs on, as in production), each seeded beforehand with the demo organisation whose customer
//   Acme has INVOICES invoices; one contact signs in through the API and the same four portal GETs are
//   loaded at 10 connections, PostgreSQL then PGlite back to back per endpoint;
// - p99 latency at 50 connections on PGlite.
// PostgreSQL: DATABASE_URL (or TEST_DATABASE_URL) when set, else a throwaway cluster (scripts/pg-cluster.sh).
// Prints the figures and the ratios and writes bench/results/http.json for run-all's summary table.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon, { type Result } from "autocannon";
import { DEMO } from "../src/server/seed.js";
import { freePort, INVOICES, seed, serverEnv, signIn, type Target } from "./portal-fixture.js";
import { type ResultRow, writeResult } from "./results.js";

const root = join(import.meta.dirname, "..");
const pgUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!pgUrl) {
  // No server given: run this same bench again inside a throwaway cluster, as `npm run test:pg` does.
  const run = spawnSync(
    "bash",
    [join(root, "scripts/pg-cluster.sh"), "npx", "tsx", "bench/http.ts", ...process.argv.slice(2)],
    { cwd: root, stdio: "inherit" },
  );
  process.exit(run.status ?? 1);
}

const SECONDS = Number(process.argv[2] ?? 10);
const WARM_UP_SECONDS = 2;
/** autocannon's default request timeout (10 s). */
const TIMEOUT_MS = 10_000;
const ENDPOINTS = ["home", "me", "invoices", "invoices/{id}"] as const;
type Endpoint = (typeof ENDPOINTS)[number];

const children: ChildProcess[] = [];
/** Ends the process groups this bench started (each child is a group leader: npx → tsx → node). */
function stopChildren(signal: NodeJS.Signals = "SIGTERM") {
  for (const child of children.splice(0)) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    }
  }
}
process.on("exit", () => stopChildren());
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

async function startServer(label: string, args: string[], env: NodeJS.ProcessEnv, readyUrl: string) {
  const child = spawn("npx", ["tsx", ...args], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const started = Date.now();
  while (Date.now() - started < 180_000) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}`);
    try {
      if ((await fetch(readyUrl)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${label} not ready after 180 s`);
}

const portalUrl = (base: string, endpoint: Endpoint, target: Target) =>
  `${base}/api/portal/${DEMO.slug}/${endpoint.replace("{id}", target.invoiceId)}`;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const r: Result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers,
    timeout: TIMEOUT_MS / 1000,
  });
  // Requests still queued when the run ends would slow the next run: wait for one more answer, which on
  // PGlite (one connection, transactions in turn) comes after the queue has drained.
  await fetch(url, { headers });
  const answered = r["2xx"] + r.non2xx;
  // autocannon gives up on a request after TIMEOUT_MS and leaves it out of the latencies: when more than
  // 1 % of the requests did, the true p99 is at least TIMEOUT_MS, so that is what is reported.
  const timedOut = r.timeouts > 0.01 * (answered + r.timeouts);
  const figures: Figures = {
    rps: r.requests.average,
    // No answer within the run: no latency to report (0 would pass any "≤" goal).
    p50: answered ? r.latency.p50 : Number.NaN,
    p99: !answered ? Number.NaN : timedOut ? Math.max(r.latency.p99, TIMEOUT_MS) : r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
  if (figures.non2xx || figures.errors || !answered)
    console.warn(
      `  WARNING ${url}: ${r["2xx"]} answers, ${figures.non2xx} non-2xx, ${r.errors} errors of which ${r.timeouts} timeouts (> ${TIMEOUT_MS / 1000} s)`,
    );
  return figures;
}

const show = (label: string, f: Figures) =>
  console.log(
    `${label.padEnd(44)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${String(f.p50).padStart(5)} ms  p99 ${String(f.p99).padStart(5)} ms`,
  );

async function main() {
  const loadBefore = loadavg();
  const busy =
    (loadBefore[0] ?? 0) > cpus().length ? " (busy: absolute figures are low, read the ratios)" : "";
  console.log(
    `load average ${loadBefore.map((l) => l.toFixed(2)).join(", ")} on ${cpus().length} cores${busy}`,
  );
  const dataParent = mkdtempSync(join(tmpdir(), "portico-bench-http-"));
  const dataDir = join(dataParent, "pglite");
  try {
    let t = Date.now();
    const pgTarget = await seed({ databaseUrl: pgUrl });
    const liteTarget = await seed({ dataDir });
    console.log(
      `seeded PostgreSQL and PGlite (${INVOICES} invoices for Acme) in ${(Date.now() - t) / 1000} s`,
    );

    t = Date.now();
    const [basePort, pgPort, litePort] = [await freePort(), await freePort(), await freePort()];
    const baseline = `http://127.0.0.1:${basePort}/contact`;
    const pgBase = `http://127.0.0.1:${pgPort}`;
    const liteBase = `http://127.0.0.1:${litePort}`;
    await Promise.all([
      startServer(
        "baseline A",
        ["bench/http-baseline.ts"],
        {
          ...process.env,
          BASELINE_DATABASE_URL: pgUrl,
          BASELINE_PORT: String(basePort),
          BASELINE_ORG_ID: pgTarget.orgId,
          BASELINE_CUSTOMER_ID: pgTarget.customerId,
          BASELINE_CONTACT_ID: pgTarget.contactId,
        },
        baseline,
      ),
      startServer(
        "Portico on PostgreSQL",
        ["src/server/main.ts"],
        serverEnv(pgPort, { DATABASE_URL: pgUrl as string }),
        `${pgBase}/healthz`,
      ),
      startServer(
        "Portico on PGlite",
        ["src/server/main.ts"],
        serverEnv(litePort, { DATA_DIR: dataDir }),
        `${liteBase}/healthz`,
      ),
    ]);
    console.log(`three servers up in ${(Date.now() - t) / 1000} s`);
    const servers = [
      { db: "PostgreSQL" as const, base: pgBase, target: pgTarget, cookie: await signIn(pgBase) },
      { db: "PGlite" as const, base: liteBase, target: liteTarget, cookie: await signIn(liteBase) },
    ];
    for (const s of servers)
      for (const e of ENDPOINTS) {
        const res = await fetch(portalUrl(s.base, e, s.target), { headers: { cookie: s.cookie } });
        if (res.status !== 200) throw new Error(`${s.db} /${e}: ${res.status} ${await res.text()}`);
      }

    console.log(`warm-up (${WARM_UP_SECONDS} s per URL), then ${SECONDS} s per run, 10 connections`);
    await load(baseline, {}, 10, WARM_UP_SECONDS);
    for (const s of servers)
      for (const e of ENDPOINTS)
        await load(portalUrl(s.base, e, s.target), { cookie: s.cookie }, 10, WARM_UP_SECONDS);

    const baseBefore = await load(baseline, {}, 10, SECONDS);
    show("baseline A (bare Fastify + pg scope tx)", baseBefore);
    const at10 = { PostgreSQL: {} as Record<Endpoint, Figures>, PGlite: {} as Record<Endpoint, Figures> };
    for (const e of ENDPOINTS)
      for (const s of servers) {
        const f = await load(portalUrl(s.base, e, s.target), { cookie: s.cookie }, 10, SECONDS);
        at10[s.db][e] = f;
        show(`/${e} on ${s.db}`, f);
      }
    const baseAfter = await load(baseline, {}, 10, SECONDS);
    show("baseline A again", baseAfter);
    const lite = servers[1];
    if (!lite) throw new Error("unreachable");
    const at50 = {} as Record<Endpoint, Figures>;
    for (const e of ENDPOINTS) {
      at50[e] = await load(portalUrl(lite.base, e, lite.target), { cookie: lite.cookie }, 50, SECONDS);
      show(`/${e} on PGlite, 50 connections`, at50[e]);
    }
    stopChildren();

    const base = (baseBefore.rps + baseAfter.rps) / 2;
    const rows: ResultRow[] = [];
    for (const e of ENDPOINTS) {
      const value = at10.PostgreSQL[e].rps;
      rows.push({
        measure: `portal /${e} on PostgreSQL ÷ bare Fastify + pg scope transaction`,
        value,
        baseline: base,
        ratio: value / base,
        goal: e === "home" ? ">= 0.25" : ">= 0.35",
        unit: "req/s",
      });
    }
    for (const e of ENDPOINTS) {
      const value = at10.PGlite[e].rps;
      const onPg = at10.PostgreSQL[e].rps;
      rows.push({
        measure: `portal /${e} on PGlite ÷ on PostgreSQL`,
        value,
        baseline: onPg,
        ratio: value / onPg,
        goal: ">= 0.5",
        unit: "req/s",
      });
    }
    for (const e of ENDPOINTS)
      rows.push({
        measure: `portal /${e} p99 at 50 connections on PGlite`,
        value: at50[e].p99,
        baseline: null,
        ratio: at50[e].p99,
        goal: "<= 500",
        unit: "ms",
      });
    console.log();
    for (const r of rows)
      console.log(`${r.measure.padEnd(72)} ${r.ratio.toFixed(3).padStart(9)}  (goal ${r.goal})`);
    writeResult("http", rows, {
      seconds: SECONDS,
      invoices: INVOICES,
      baselineRps: { before: baseBefore.rps, after: baseAfter.rps },
      at10,
      at50PGlite: at50,
      loadAverage: { before: loadBefore, after: loadavg() },
    });
  } finally {
    stopChildren();
    rmSync(dataParent, { recursive: true, force: true });
  }
}

await main();
