import { resetClock } from "../clock.js";
import { setTestGateways } from "../gateways/registry.js";

// Runs before every test file. Files share their worker's modules (vitest.config.ts: isolate false), so
// a file that stopped half-way must not hand the next one a moved server clock, or a scripted payment provider.
resetClock();
setTestGateways([]);
