// `npm start`: builds the web apps and the server when they are missing or older than their sources, then
// runs the compiled server. Plain JavaScript run by `node` (decision 035): a start that finds everything
// built pays no TypeScript loader, which cost more CPU than the rest of the start-up together.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
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

// The web apps (vite.config.ts → dist/web).
if (stale("dist/web/admin/index.html", ["src/web", "src/shared", "vite.config.ts"])) {
  run("the web apps", "npx", ["vite", "build", "--logLevel", "warn"]);
}

// The server (scripts/build-server.ts → dist/server), then import it: no transpiling at start.
const server = "dist/server/main.js";
if (stale(server, ["src/server", "src/shared", "package.json", "scripts/build-server.ts"])) {
  run("the server", "npx", ["tsx", "scripts/build-server.ts"]);
}
// Errors name the TypeScript files and lines (the build writes source maps beside the bundle).
process.setSourceMapsEnabled(true);
await import(new URL(`../${server}`, import.meta.url).href);
