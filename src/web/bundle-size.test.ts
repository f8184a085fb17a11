import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { ensureWebBuild } from "../../scripts/web-build.js";

// Issue 14 / decision 033: what a phone downloads before the portal first paints, measured on the build as
// it is served (brotli, the copies vite.config.ts writes). Over budget? Look at the chunk graph
// (dist/web/.vite/manifest.json): a page or a library the first page does not show belongs in a lazy chunk.
// The issue caps the first load at 200 KB; the budget is the figure of decision 033 (182,425 B) plus room
// for the portal pages and texts being added.
const BUDGET_BYTES = 190 * 1024;
const dist = join(import.meta.dirname, "../../dist/web");

interface FirstLoad {
  files: string[];
  brotliBytes: number;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
}
const manifest = (): Record<string, ManifestChunk> =>
  JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8"));

/** A chunk and every chunk it imports statically, as files. */
function chunkFiles(
  chunks: Record<string, ManifestChunk>,
  key: string,
  seen = new Set<string>(),
): Set<string> {
  const chunk = chunks[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) chunkFiles(chunks, imported, seen);
  return seen;
}

/**
 * index.html, every script, modulepreload and stylesheet it names, and the texts of the heavier language
 * (fetched before the first render, decision 033), in bytes as served to a browser that accepts brotli.
 */
function firstLoad(app: "portal" | "admin"): FirstLoad {
  const html = readFileSync(join(dist, app, "index.html"), "utf8");
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*\s(?:src|href)="\/(assets\/[^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );
  // A file the build left without a copy (under 1 KB) is sent as it is.
  const servedSize = (path: string) => statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
  const sizeOf = (files: string[]) => files.map((f) => servedSize(join(dist, f))).reduce((a, b) => a + b, 0);
  const chunks = manifest();
  const catalogues =
    app === "portal" ? ["i18n/portal.es.ts", "i18n/portal.en.ts"] : ["i18n/es.ts", "i18n/en.ts"];
  const texts = catalogues
    .map((key) => [...chunkFiles(chunks, key)].filter((f) => !named.includes(f)))
    .sort((a, b) => sizeOf(b) - sizeOf(a))[0];
  const files = [...named, ...(texts ?? [])];
  return { files, brotliBytes: servedSize(join(dist, app, "index.html")) + sizeOf(files) };
}

beforeAll(() => ensureWebBuild(), 180_000);

test("the portal's first load stays within its budget (brotli bytes)", () => {
  const load = firstLoad("portal");
  console.info(`portal first load: ${load.files.length + 1} files, ${load.brotliBytes} bytes brotli`);
  expect(load.brotliBytes).toBeLessThanOrEqual(BUDGET_BYTES);
});

test("the portal's first load carries no charts and no back-office page", () => {
  const adminFiles = new Set(
    Object.entries(manifest())
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
