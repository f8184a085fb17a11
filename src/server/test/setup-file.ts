import { existsSync } from "node:fs";
import { inject } from "vitest";
import { resetClock } from "../clock.js";
import { setTestGateways } from "../gateways/registry.js";
import { waitForDump } from "./migrated-dump.js";

// Runs before every test file. Files share their worker's modules (vitest.config.ts: isolate false), so
// a file that stopped half-way must not hand the next one a moved server clock, or a scripted payment provider.
resetClock();
setTestGateways([]);

// The first file of a worker on PGlite: the migrated dump global-setup.ts started may still be in the making
// (migrated-dump.ts). Import the server meanwhile (the files of this worker keep it: isolate false), then
// wait for the dump here, where no test's timeout runs.
const dump = inject("pgliteTemplate");
if (dump && !existsSync(dump)) {
  await import("./harness.js");
  await waitForDump(dump);
}
