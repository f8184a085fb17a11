// `npm run bench`: every benchmark of this folder in turn, each in its own process (so one's memory
// figures are not another's), with its default arguments. They print figures and assert nothing.
import { spawnSync } from "node:child_process";

const BENCHES = ["pdf", "statement-pdf", "portal-invoices", "forgot-password", "import", "first-load"];
for (const name of process.argv.length > 2 ? process.argv.slice(2) : BENCHES) {
  console.log(`\n== bench/${name}.ts`);
  const run = spawnSync("npx", ["tsx", `bench/${name}.ts`], { stdio: "inherit" });
  if (run.status !== 0) process.exitCode = 1;
}
