import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

// `npm start` builds the web apps when they are missing or older than their sources, then runs the server.
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = "dist/web/admin/index.html";
const stale =
  !existsSync(built) ||
  statSync(built).mtimeMs <
    Math.max(newest("src/web"), newest("src/shared"), statSync("vite.config.ts").mtimeMs);
if (stale) {
  console.log("Building the web apps (first start or changed sources)…");
  const r = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import("../src/server/main.js");
