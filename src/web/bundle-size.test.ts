import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { ensureWebBuild } from "../../scripts/web-build.js";

// Issue 14 / decision 033: what a phone downloads before the portal first paints, measured on the build as
// it is served (brotli, the copies vite.config.ts writes). Over budget? Look at the chunk graph
// (dist/web/.vite/manifest.json): a page or a library the first page does not show belongs in a lazy chunk.
const BUDGET_BYTES = 200 * 1024;
const dist = join(import.meta.dirname, "../../dist/web");

interface FirstLoad {
  files: string[];
  brotliBytes: number;
}

/** index.html plus every script, modulepreload and stylesheet it names, in bytes as served to a browser that accepts brotli. */
function firstLoad(app: "portal" | "admin"): FirstLoad {
  const html = readFileSync(join(dist, app, "index.html"), "utf8");
  const files = [...html.matchAll(/<(?:script|link)\b[^>]*\s(?:src|href)="\/(assets\/[^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );
  // A file the build left without a copy (under 1 KB) is sent as it is.
  const servedSize = (path: string) => statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
  const bytes = [join(dist, app, "index.html"), ...files.map((f) => join(dist, f))].map(servedSize);
  return { files, brotliBytes: bytes.reduce((a, b) => a + b, 0) };
}

beforeAll(() => ensureWebBuild(), 180_000);

test("the portal's first load stays within its budget (brotli bytes)", () => {
  const load = firstLoad("portal");
  console.info(`portal first load: ${load.files.length + 1} files, ${load.brotliBytes} bytes brotli`);
  expect(load.brotliBytes).toBeLessThanOrEqual(BUDGET_BYTES);
});

test("the portal's first load carries no charts and no back-office page", () => {
  const manifest: Record<string, { file: string }> = JSON.parse(
    readFileSync(join(dist, ".vite/manifest.json"), "utf8"),
  );
  const adminFiles = new Set(
    Object.entries(manifest)
      .filter(([source]) => source.startsWith("admin/"))
      .map(([, chunk]) => chunk.file),
  );
  for (const file of firstLoad("portal").files) {
    expect(adminFiles.has(file), file).toBe(false);
    // Recharts' root element class: present in any chunk that holds the charts.
    expect(readFileSync(join(dist, file), "utf8").includes("recharts-wrapper"), file).toBe(false);
  }
});

test("every first-load file over 1 KB has its brotli and gzip copies", () => {
  for (const file of firstLoad("portal").files.filter((f) => statSync(join(dist, f)).size >= 1024)) {
    expect(existsSync(join(dist, `${file}.br`)), file).toBe(true);
    expect(existsSync(join(dist, `${file}.gz`)), file).toBe(true);
  }
});
