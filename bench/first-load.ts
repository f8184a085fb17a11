// Portal first load on a slow phone (issue 14, decision 033): `npx tsx bench/first-load.ts [runs]`.
// Starts the built server (PGlite in a temporary directory, demo seeded) and two baselines, bare node http
// servers sending files gzip -9 on the fly (no precompressed copies; /api proxied to the real server):
// - "old files": the web apps as built before issue 14 (BASE_COMMIT, built once into .tmp/), i.e. the old
//   behaviour with nothing but gzip -9 turned on: the baseline;
// - "same files": today's dist/web, to show what brotli copies alone add.
// Chromium on slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up, cold cache) opens the portal's sign-in page
// on each in turn; first contentful paint and bytes on the wire (every file, headers included, until the
// network is idle; the API's answers left out) are the medians of `runs`. `FIRST_LOAD_FILES=1` also lists
// the files of Portico's first run with their bytes on the wire.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { ensureWebBuild } from "../scripts/web-build.js";
import { writeResult } from "./results.js";

const runs = Number(process.argv[2] ?? 3);
const root = join(import.meta.dirname, "..");
const SLUG = "estudio-nube";
const PORT = 3000 + Math.floor(Math.random() * 2000) + 2000;
/** The last commit before issue 14 changed the web build. */
const BASE_COMMIT = "b6022d9b37e8daa04155f3b4b5f844f52031e50a";
const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

async function startPortico(): Promise<{ child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "portico-first-load-"));
  const child = spawn("npx", ["tsx", "src/server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      PORTICO_DEMO: "1",
      NODE_ENV: "development",
    },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, dataDir };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

/** The web apps as BASE_COMMIT built them, built once and kept in .tmp/ (ignored by git). */
function buildOldDist(): string {
  const dir = join(root, ".tmp", `first-load-${BASE_COMMIT.slice(0, 12)}`);
  const built = join(dir, "dist/web");
  if (existsSync(join(built, "portal/index.html"))) return built;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = "package.json tsconfig.json vite.config.ts src/web src/shared";
  execSync(`git archive ${BASE_COMMIT} ${paths} | tar -x -C ${dir}`, { cwd: root });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  execSync("npx vite build --logLevel error", {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  return built;
}

/** A baseline: `dist`'s files gzip -9 on every request, the API proxied to the real server. */
function startGzipBaseline(dist: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/api/")) {
      const upstream = request(
        { host: "127.0.0.1", port: PORT, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
      return;
    }
    const file = path.startsWith("/p/") ? "portal/index.html" : normalize(path).replace(/^\/+/, "");
    let body: Buffer;
    try {
      body = readFileSync(join(dist, file));
    } catch {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    };
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = gzipSync(body, { level: 9 });
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

interface Load {
  fcpMs: number;
  bytes: number;
  /** Each file's path and bytes on the wire, in the order they finished. */
  files: [string, number][];
}

async function measure(browser: import("playwright-core").Browser, base: string): Promise<Load> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: 200_000,
    uploadThroughput: 93_750,
  });
  // The page's files (HTML, scripts, styles, icons): the API's JSON is the same data on every server.
  const api = new Set<string>();
  const paths = new Map<string, string>();
  const files: [string, number][] = [];
  let bytes = 0;
  cdp.on("Network.requestWillBeSent", (e: { requestId: string; request: { url: string } }) => {
    const path = new URL(e.request.url).pathname;
    paths.set(e.requestId, path);
    if (path.startsWith("/api/")) api.add(e.requestId);
  });
  cdp.on("Network.loadingFinished", (e: { requestId: string; encodedDataLength: number }) => {
    if (api.has(e.requestId)) return;
    bytes += e.encodedDataLength;
    files.push([paths.get(e.requestId) ?? "?", e.encodedDataLength]);
  });
  await page.goto(`${base}/p/${SLUG}/login`, { waitUntil: "networkidle", timeout: 120_000 });
  const fcpMs = await page.evaluate(
    () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
  );
  await context.close();
  return { fcpMs, bytes, files };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

ensureWebBuild();
const oldDist = buildOldDist();
const { child, dataDir } = await startPortico();
const oldFiles = await startGzipBaseline(oldDist);
const sameFiles = await startGzipBaseline(join(root, "dist/web"));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const at = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
try {
  const loads: Record<"portico" | "old" | "same", Load[]> = { portico: [], old: [], same: [] };
  for (let i = 0; i < runs; i++) {
    loads.portico.push(await measure(browser, `http://127.0.0.1:${PORT}`));
    loads.old.push(await measure(browser, at(oldFiles)));
    loads.same.push(await measure(browser, at(sameFiles)));
  }
  const fcp = (k: keyof typeof loads) => median(loads[k].map((l) => l.fcpMs));
  const bytes = (k: keyof typeof loads) => median(loads[k].map((l) => l.bytes));
  console.log(`runs: ${runs} each, in turn; slow 4G (150 ms, 200,000 B/s down, 93,750 B/s up), cold cache`);
  console.log(
    `portico                 FCP ${fcp("portico").toFixed(0)} ms, ${bytes("portico")} bytes on the wire`,
  );
  console.log(`old files, gzip -9      FCP ${fcp("old").toFixed(0)} ms, ${bytes("old")} bytes on the wire`);
  console.log(`today's files, gzip -9  FCP ${fcp("same").toFixed(0)} ms, ${bytes("same")} bytes on the wire`);
  // `FIRST_LOAD_FILES=1`: what Portico's first run fetched, file by file (where the bytes go).
  if (process.env.FIRST_LOAD_FILES) {
    for (const [path, size] of loads.portico[0]?.files ?? [])
      console.log(`${String(size).padStart(8)}  ${path}`);
  }
  const ratio = fcp("portico") / fcp("old");
  console.log(
    `FCP ratio ${ratio.toFixed(2)} (goal <= 0.8; ÷ today's files gzip -9: ${(fcp("portico") / fcp("same")).toFixed(2)}), ` +
      `bytes ${(bytes("portico") / 1024).toFixed(0)} KB (goal <= 200)`,
  );
  const kb = Math.round(bytes("portico") / 1024);
  writeResult("first-load", [
    {
      measure: "portal first load, bytes on the wire",
      value: kb,
      baseline: null,
      ratio: kb,
      goal: "<= 200",
      unit: "KB",
    },
    {
      measure:
        "first contentful paint, phone on slow 4G (150 ms, 1.6 Mbit/s) ÷ the same files served gzip -9",
      value: Math.round(fcp("portico")),
      baseline: Math.round(fcp("old")),
      ratio: Number(ratio.toFixed(3)),
      goal: "<= 0.8",
      unit: "ms",
    },
  ]);
} finally {
  await browser.close();
  oldFiles.close();
  sameFiles.close();
  if (child.pid) process.kill(-child.pid, "SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
}
