import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { TEST_PUBLIC_URL } from "./harness.js";

/**
 * Real app processes for the tests of several processes on one PostgreSQL (decision 056): what the
 * workers of `WORKERS=N` are, with node:cluster's balancer taken out of the way so that a test chooses the
 * process each request goes to. Each is `node dist/server/main.js` (built first when missing or older than
 * its sources: a start takes about a third of `tsx src/server/main.ts`'s, measured here) on its own port,
 * with the test harness's PUBLIC_URL and APP_SECRET, so the cookies and signatures a test makes with its
 * in-process app are good on every process.
 */
export interface AppProcess {
  /** http://127.0.0.1:PORT */
  url: string;
  pid: number;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

const root = join(import.meta.dirname, "../../..");
const MAIN = join(root, "dist/server/main.js");

/** The newest modification time under `path`, test files left out (they are not in the bundle). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith(".test.ts") ? 0 : stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Builds dist/server (scripts/build-server.ts) when it is missing or older than its sources. */
export function ensureServerBuilt(): void {
  const inputs = ["src/server", "src/shared", "package.json", "scripts/build-server.ts"].map((p) =>
    join(root, p),
  );
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= Math.max(...inputs.map(newest))) return;
  const r = spawnSync(join(root, "node_modules/.bin/tsx"), ["scripts/build-server.ts"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("scripts/build-server.ts failed");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts `count` app processes on the PostgreSQL database `databaseUrl` (already migrated: the test's own
 * copy of the template), demo off, and resolves once each answers /healthz. `env` adds settings
 * (TRUST_PROXY, say).
 */
export async function startAppProcesses(
  count: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<AppProcess[]> {
  ensureServerBuilt();
  const started = await Promise.all(
    Array.from({ length: count }, () => startOne(databaseUrl, env).catch((err: Error) => err)),
  );
  const failed = started.find((s) => s instanceof Error);
  if (failed) {
    await Promise.all(started.map((s) => (s instanceof Error ? null : s.stop("SIGKILL"))));
    throw failed;
  }
  return started as AppProcess[];
}

async function startOne(databaseUrl: string, env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--enable-source-maps", MAIN], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      TZ: process.env.TZ ?? "UTC",
      NODE_ENV: "development",
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: TEST_PUBLIC_URL,
      APP_SECRET: "test-secret-0123456789",
      PORTICO_DEMO: "0",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`app process exited (${child.exitCode}) at start:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await stop("SIGKILL");
      throw new Error(`app process not up in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid ?? 0, output: () => output, stop, exited };
}
