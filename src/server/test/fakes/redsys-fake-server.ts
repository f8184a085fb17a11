import { startRedsysFake } from "./redsys-fake.js";

/**
 * The RedSys fake as a process of its own, for the end-to-end tests only: scripts/test-e2e.sh starts it
 * on REDSYS_FAKE_PORT and points the app at it with REDSYS_BASE. Production never runs it.
 */
const fake = await startRedsysFake(undefined, Number(process.env.REDSYS_FAKE_PORT ?? 0));
process.stdout.write(`redsys fake on ${fake.base}\n`);
