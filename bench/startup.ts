// Start-up time (issue 14): `npx tsx bench/startup.ts [repeats]`. How long `npm start` takes, on an
// existing PGlite data directory, from the command until the server answers GET /healthz, against a bare
// Fastify + PGlite process (open the same kind of data directory, one route running `select 1`, listen)
// started the same way in the same run. The first `npm start` (it builds what is stale, creates and seeds
// the data directory) is not measured. Prints the medians and their ratio; writes bench/results/startup.json.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { writeResult } from "./results.js";

const repeats = Number(process.argv[2] ?? 5);
const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "portico-bench-startup-"));

// The baseline: what any Fastify + PGlite server pays (Node, the two packages, PGlite opening a data dir).
const bare = `
const { PGlite } = await import("@electric-sql/pglite");
const { default: Fastify } = await import("fastify");
const db = new PGlite(process.env.DATA_DIR);
await db.waitReady;
const app = Fastify();
app.get("/healthz", async () => ({ status: "ok", one: (await db.query("select 1 as one")).rows[0].one }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
`;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

/** Milliseconds from spawning the command until GET /healthz answers 200; the process is then stopped. */
async function readyMs(cmd: string, args: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  try {
    for (;;) {
      if (exited) throw new Error(`${cmd} ${args.join(" ")} exited before answering`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - start;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await stop(child);
  }
}

/** SIGTERM to the whole group (npm → tsx → node), then wait for the leader to go. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  process.kill(-(child.pid as number), "SIGTERM");
  const timer = setTimeout(() => process.kill(-(child.pid as number), "SIGKILL"), 10_000);
  await gone;
  clearTimeout(timer);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

try {
  const appDir = join(work, "app-data");
  const bareDir = join(work, "bare-data");
  const env = { DATA_DIR: appDir, PORTICO_DEMO: "1", LOG_LEVEL: "warn" };
  // First start: builds what is stale, creates the data directory, migrates and seeds the demo.
  const firstMs = await readyMs("npm", ["start", "--silent"], env);
  console.log(`first npm start (build if stale, create, migrate, seed): ${(firstMs / 1000).toFixed(2)} s`);
  // `npm start` exits before the server under it has closed its database: wait for PGlite's lock file to
  // go, so the copy is of a closed database (copying while it goes failed with ENOENT).
  for (let waited = 0; existsSync(join(appDir, "postmaster.pid")) && waited < 10_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  cpSync(appDir, bareDir, { recursive: true, filter: (src) => !src.endsWith("postmaster.pid") });
  const app: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < repeats; i++) {
    // Alternate, so both see the same load.
    app.push(await readyMs("npm", ["start", "--silent"], env));
    baseline.push(
      await readyMs(process.execPath, ["--input-type=module", "-e", bare], { DATA_DIR: bareDir }),
    );
  }
  const appMs = median(app);
  const bareMs = median(baseline);
  const fmt = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(" ");
  console.log(
    `npm start ready, existing PGlite data dir: median ${(appMs / 1000).toFixed(2)} s (${fmt(app)})`,
  );
  console.log(`bare Fastify + PGlite ready: median ${(bareMs / 1000).toFixed(2)} s (${fmt(baseline)})`);
  console.log(`ratio ${(appMs / bareMs).toFixed(2)} (goal ≤ 3)`);
  writeResult("startup", [
    {
      measure: "`npm start` ready on an existing database ÷ bare Fastify + PGlite starting",
      value: appMs,
      baseline: bareMs,
      ratio: appMs / bareMs,
      goal: "<= 3",
      unit: "ms",
    },
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
