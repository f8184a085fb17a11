import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Longest files first, also on a fresh clone (issue 14, last row). Vitest's own order runs the files
 * that took longest in its last run first, from a cache under `node_modules/.vite`; a fresh clone (CI
 * after `npm ci`) has none, and Vitest then runs the largest files first, by bytes. Bytes are a poor
 * estimate here: the fuzzer's second half is a 300-byte file that takes one worker 25 s, so it ran last,
 * alone, while the other worker had finished. Here a file's estimate is its duration in Vitest's cache,
 * else the one recorded in `file-durations.json` (seconds, from a whole run; refresh it with
 * `node scripts/test-durations.mjs report.json` after `vitest run --reporter=json --outputFile=report.json`),
 * else the median recorded duration (a new file). Failed files still run first, as in Vitest's.
 */
export class LongestFirstSequencer extends BaseSequencer {
  private readonly recorded: Record<string, number> = JSON.parse(
    readFileSync(new URL("./file-durations.json", import.meta.url), "utf8"),
  );

  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const values = Object.values(this.recorded).sort((a, b) => a - b);
    const median = values.length > 0 ? (values[Math.floor(values.length / 2)] ?? 0) : 0;
    const estimate = new Map<TestSpecification, { failed: boolean; ms: number }>();
    for (const spec of files) {
      const path = relative(root, spec.moduleId).split("\\").join("/");
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`);
      const ms = cached ? cached.duration : (this.recorded[path] ?? median) * 1000;
      estimate.set(spec, { failed: cached?.failed ?? false, ms });
    }
    // One project (vitest.config.ts), so no grouping by project as Vitest's own sort does.
    return [...files].sort((a, b) => {
      const ea = estimate.get(a) as { failed: boolean; ms: number };
      const eb = estimate.get(b) as { failed: boolean; ms: number };
      if (ea.failed !== eb.failed) return ea.failed ? -1 : 1;
      return eb.ms - ea.ms;
    });
  }
}
