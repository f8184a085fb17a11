// CPU per request of the portal (issue 14, decision 060): `npx tsx bench/cpu-per-request.ts [requests]`.
// On a machine shared with other work, req/s measures the neighbours as much as the code; the CPU time the
// server process and the PostgreSQL backends spend per request does not depend on them (much), and on a
// quiet 2-core box it is what the req/s ratios of http.ts follow. So this bench:
// - seeds the demo organisation as http.ts does (50 issued invoices for Acme) and starts the production
//   server (`node --import tsx src/server/main.ts`, NODE_ENV=production, request logs on to /dev/null);
// - with CPU_AB_BASE=/path/to/another/checkout, starts that tree's server too, on the same database (A = that
//   tree, B = this one), and alternates A and B per endpoint and round (AB, then BA, …), so both see the
//   same load;
// - per run, sends `requests` (2,000) GETs at 10 connections (autocannon, in this process) and reads the
//   user+sys CPU of the server process (/proc/<pid>/stat) and of the PostgreSQL cluster (the postmaster,
//   its live children and its reaped ones) before and after: CPU ms per request, median over ROUNDS (8),
//   after WARM_UP (2,000) requests per server and endpoint; B ÷ A is the median of each round's ratio.
// On a machine under load, an A/A run (CPU_AB_BASE=. ) shows the noise: ±12 % with 3 rounds at load 16.
// CPU_ON=pglite runs both servers on PGlite instead (a data directory each; the database is in-process, so
// the server's CPU is all of it). CPU_PROFILE=dir starts the servers with `--cpu-prof` into dir/A and dir/B
// (written when the bench stops them); `npx tsx bench/cpu-profile-top.ts file.cpuprofile` summarises one.
// A server that answers more slowly under load also gathers fewer requests per wake-up and so spends more
// CPU on each: RATE=n (requests/s, below what both sustain) paces every run alike and avoids that feedback.
// ENDPOINTS=home,me narrows the endpoints; ACCEPT_ENCODING=gzip,br sends that header (compression costs).
// PostgreSQL: DATABASE_URL (or TEST_DATABASE_URL), else a throwaway cluster (scripts/pg-cluster.sh).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO } from "../src/server/seed.js";
import { freePort, seed, serverEnv, signIn, type Target } from "./portal-fixture.js";

const root = join(import.meta.dirname, "..");
const onPglite = process.env.CPU_ON === "pglite";
const pgUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!pgUrl && !onPglite) {
  const run = spawnSync(
    "bash",
    [join(root, "scripts/pg-cluster.sh"), "npx", "tsx", "bench/cpu-per-request.ts", ...process.argv.slice(2)],
    { cwd: root, stdio: "inherit" },
  );
  process.exit(run.status ?? 1);
}

const REQUESTS = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 8);
/** Requests per server and endpoint before measuring: V8 keeps optimising for the first thousands. */
const WARM_UP = Number(process.env.WARM_UP ?? 2000);
const ENDPOINTS = (process.env.ENDPOINTS ?? "home,me,invoices,invoices/{id}").split(",");
const profileDir = process.env.CPU_PROFILE ? resolve(process.env.CPU_PROFILE) : null;
const acceptEncoding = process.env.ACCEPT_ENCODING;
/** RATE=n: n requests/s for every run, so both servers answer at the same pace (see main). */
const rate = process.env.RATE ? Number(process.env.RATE) : undefined;
const TICK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"]).stdout.toString().trim() || 100);

/** user + sys CPU (ms) of a process; with `children`, also of its reaped children. */
function cpuMs(pid: number, children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields 14–17 of stat(5): utime, stime, cutime, cstime; f[0] is field 3.
    const [u, s, cu, cs] = [f[11], f[12], f[13], f[14]].map(Number);
    return ((u ?? 0) + (s ?? 0) + (children ? (cu ?? 0) + (cs ?? 0) : 0)) * TICK_MS;
  } catch {
    return 0; // gone
  }
}

/** CPU (ms) of a whole PostgreSQL cluster: the postmaster with its reaped children, plus its live ones. */
function clusterCpuMs(postmaster: number): number {
  let total = cpuMs(postmaster, true);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmaster) total += cpuMs(Number(entry));
    } catch {
      // gone
    }
  }
  return total;
}

async function postmasterPid(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
    const stat = readFileSync(`/proc/${rows[0]?.pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } finally {
    await client.end();
  }
}

const children: ChildProcess[] = [];
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});
process.once("SIGINT", () => process.exit(130));

interface Server {
  name: string;
  child: ChildProcess;
  base: string;
  target: Target;
  cookie: string;
}

async function startServer(
  name: string,
  tree: string,
  database: { DATABASE_URL: string } | { DATA_DIR: string },
  target: Target,
): Promise<Server> {
  const port = await freePort();
  const args = ["--import", "tsx"];
  if (profileDir) {
    mkdirSync(join(profileDir, name), { recursive: true });
    args.push("--cpu-prof", `--cpu-prof-dir=${join(profileDir, name)}`);
  }
  const child = spawn(process.execPath, [...args, "src/server/main.ts"], {
    cwd: tree,
    env: serverEnv(port, database),
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < 180_000) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok)
        return { name, child, base, target, cookie: await signIn(base) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} not ready after 180 s`);
}

const urlOf = (s: Server, endpoint: string) =>
  `${s.base}/api/portal/${DEMO.slug}/${endpoint.replace("{id}", s.target.invoiceId)}`;

async function run(s: Server, endpoint: string, requests: number, postmaster: number | null) {
  const headers: Record<string, string> = { cookie: s.cookie };
  if (acceptEncoding) headers["accept-encoding"] = acceptEncoding;
  const pid = s.child.pid as number;
  const app0 = cpuMs(pid);
  const db0 = postmaster ? clusterCpuMs(postmaster) : 0;
  const r = await autocannon({
    url: urlOf(s, endpoint),
    connections: 10,
    amount: requests,
    headers,
    ...(rate ? { overallRate: rate } : {}),
  });
  const app = cpuMs(pid) - app0;
  const db = postmaster ? clusterCpuMs(postmaster) - db0 : 0;
  if (r.non2xx || r.errors)
    console.warn(`  WARNING ${s.name} /${endpoint}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { app: app / requests, db: db / requests, rps: r.requests.average };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main() {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} on ${cpus().length} cores`,
  );
  const trees: [string, string][] = [];
  if (process.env.CPU_AB_BASE) trees.push(["A", resolve(process.env.CPU_AB_BASE)]);
  trees.push(["B", root]);
  const dataParent = mkdtempSync(join(tmpdir(), "portico-bench-cpu-"));
  try {
    const servers: Server[] = [];
    let postmaster: number | null = null;
    if (onPglite) {
      for (const [name, tree] of trees) {
        const dataDir = join(dataParent, name);
        const target = await seed({ dataDir });
        servers.push(await startServer(name, tree, { DATA_DIR: dataDir }, target));
      }
    } else {
      const url = pgUrl as string;
      const target = await seed({ databaseUrl: url });
      postmaster = await postmasterPid(url);
      for (const [name, tree] of trees)
        servers.push(await startServer(name, tree, { DATABASE_URL: url }, target));
    }
    for (const s of servers)
      for (const e of ENDPOINTS) {
        const res = await fetch(urlOf(s, e), { headers: { cookie: s.cookie } });
        if (res.status !== 200) throw new Error(`${s.name} /${e}: ${res.status} ${await res.text()}`);
        await run(s, e, WARM_UP, postmaster); // warm-up: JIT, plans, pools
      }
    console.log(
      `${onPglite ? "PGlite" : "PostgreSQL"}, ${REQUESTS} requests per run at 10 connections, ${ROUNDS} rounds${acceptEncoding ? `, Accept-Encoding: ${acceptEncoding}` : ""}`,
    );
    const figures: Record<string, Record<string, { app: number[]; db: number[]; rps: number[] }>> = {};
    for (let round = 0; round < ROUNDS; round++)
      for (const e of ENDPOINTS) {
        const order = round % 2 ? [...servers].reverse() : servers;
        for (const s of order) {
          const f = await run(s, e, REQUESTS, postmaster);
          const byServer = figures[e] ?? {};
          figures[e] = byServer;
          const slot = byServer[s.name] ?? { app: [], db: [], rps: [] };
          byServer[s.name] = slot;
          slot.app.push(f.app);
          slot.db.push(f.db);
          slot.rps.push(f.rps);
        }
      }
    console.log(
      `\nCPU ms per request (median of ${ROUNDS}): server process${onPglite ? "" : " + PostgreSQL cluster"}`,
    );
    for (const e of ENDPOINTS) {
      const line = [`/${e}`.padEnd(16)];
      for (const s of servers) {
        const f = figures[e]?.[s.name];
        if (!f) continue;
        const app = median(f.app);
        const db = median(f.db);
        line.push(
          `${s.name}: app ${app.toFixed(3)}${onPglite ? "" : ` db ${db.toFixed(3)}`} total ${(app + db).toFixed(3)} (${median(f.rps).toFixed(0)} req/s; app runs ${f.app.map((x) => x.toFixed(2)).join(" ")})`,
        );
      }
      // Paired: each round's B ÷ A (both measured minutes apart at most), whose median cancels the drift
      // of a long run (the load moving, V8 still optimising) that the medians of each side keep.
      const a = figures[e]?.A;
      const b = figures[e]?.B;
      if (a && b) {
        const paired = (xs: number[], ys: number[]) => median(xs.map((x, i) => x / (ys[i] as number)));
        const sum = (f: typeof a) => f.app.map((x, i) => x + (f.db[i] as number));
        line.push(
          `B÷A app ${paired(b.app, a.app).toFixed(3)}${onPglite ? "" : ` total ${paired(sum(b), sum(a)).toFixed(3)}`} (paired, median of rounds)`,
        );
      }

      console.log(line.join("  "));
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(", ")}`,
    );
  } finally {
    // SIGTERM: the server closes and exits, writing its --cpu-prof profile.
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((done) => {
            if (c.exitCode !== null) return done();
            c.once("exit", () => done());
            c.kill("SIGTERM");
            setTimeout(() => {
              c.kill("SIGKILL");
              done();
            }, 15_000).unref();
          }),
      ),
    );
    rmSync(dataParent, { recursive: true, force: true });
  }
}

await main();
