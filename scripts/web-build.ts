import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
/** Written last by every `vite build` (build.manifest), so its time is the build's. */
export const builtMarker = join(root, "dist/web/.vite/manifest.json");

function newestUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }, 0);
}

/** True when dist/web is missing or older than the web sources, the shared code or the build's config. */
export function webBuildIsStale(): boolean {
  if (!existsSync(builtMarker)) return true;
  const sources = [
    newestUnder(join(root, "src/web")),
    newestUnder(join(root, "src/shared")),
    statSync(join(root, "vite.config.ts")).mtimeMs,
    statSync(join(root, "scripts/precompress.ts")).mtimeMs,
  ];
  return statSync(builtMarker).mtimeMs < Math.max(...sources);
}

/** Builds the web apps when stale (once per CI run: `npm start` for e2e then finds them fresh). */
export function ensureWebBuild(): void {
  if (!webBuildIsStale()) return;
  // Vitest sets NODE_ENV=test, which would make vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: "production" };
  const run = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit", env });
  if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status})`);
}
