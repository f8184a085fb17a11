// `npm start`: builds the web apps and the server when they are missing or older than their sources, then
// runs the compiled server. Plain JavaScript run by `node` (decision 035): a start that finds everything
// built pays no TypeScript loader, which cost more CPU than the rest of the start-up together.
// `npm run start:cluster` (--cluster): WORKERS defaults to the number of cores (decision 056); WORKERS and
// every other setting reach the server through the environment.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";

/** The newest modification time under `path` (a file or a folder, recursively). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** True when `built` is missing or older than any of `inputs`. */
function stale(built, inputs) {
  return !existsSync(built) || statSync(built).mtimeMs < Math.max(...inputs.map(newest));
}

/** Runs a build step and stops the start when it fails. */
function run(what, command, args) {
  console.log(`Building ${what} (first start or changed sources)…`);
  const r = spawnSync(command, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// `npm run start:cluster`: one process per core unless WORKERS says otherwise (decision 056).
if (process.argv.includes("--cluster") && !process.env.WORKERS) {
  process.env.WORKERS = String(availableParallelism());
}

// A cluster worker runs this file again (node:cluster forks the primary's script): the primary built.
const builds = !cluster.isWorker;

// The web apps (vite.config.ts → dist/web).
if (builds && stale("dist/web/admin/index.html", ["src/web", "src/shared", "vite.config.ts"])) {
  run("the web apps", "npx", ["vite", "build", "--logLevel", "warn"]);
}

// The server (scripts/build-server.ts → dist/server), then import it: no transpiling at start.
const server = "dist/server/main.js";
if (builds && stale(server, ["src/server", "src/shared", "package.json", "scripts/build-server.ts"])) {
  run("the server", "npx", ["tsx", "scripts/build-server.ts"]);
}
// Errors name the TypeScript files and lines (the build writes source maps beside the bundle).
process.setSourceMapsEnabled(true);
await import(new URL(`../${server}`, import.meta.url).href);
