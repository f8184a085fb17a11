// Writes src/server/test/file-durations.json (the test sequencer's estimates, seconds per file) from a
// Vitest JSON report of a whole run:
//   npx vitest run --reporter=json --outputFile=/tmp/report.json && node scripts/test-durations.mjs /tmp/report.json
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
const root = new URL("..", import.meta.url).pathname;
const out = {};
for (const file of [...report.testResults].sort((a, b) => (a.name < b.name ? -1 : 1))) {
  out[relative(root, file.name)] = Math.round((file.endTime - file.startTime) / 100) / 10;
}
writeFileSync(
  new URL("../src/server/test/file-durations.json", import.meta.url),
  `${JSON.stringify(out, null, 2)}\n`,
);
console.log(`${Object.keys(out).length} files`);
