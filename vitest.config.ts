import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./src/server/test/sequencer.js";

// Two cores, so two workers. One process per worker, not per file: `isolate: false` keeps the modules a
// worker has imported (the whole server, PGlite's compiled WebAssembly) for its next file, where a fresh
// process per file paid about 3 s of CPU before the first test (decision 030). Each file still gets its
// own database and app from the harness; src/server/test/setup-file.ts puts back what a file may leave
// behind in shared modules.
export default defineConfig({
  resolve: {
    // Cheap password hashes in tests only (src/server/test/argon2.ts; passwords.test.ts checks production's).
    alias: [
      {
        find: /^@node-rs\/argon2$/,
        replacement: fileURLToPath(new URL("./src/server/test/argon2.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["src/server/test/global-setup.ts"],
    setupFiles: ["src/server/test/setup-file.ts"],
    environment: "node",
    pool: "forks",
    isolate: false,
    // A larger young generation for the workers (V8's default semi-space is 16 MB on 64-bit): the suite
    // allocates short-lived objects at a high rate (PGlite's result rows, light-my-request's requests, the
    // fuzzer's bodies) and scavenges were about 5 % of the workers' samples. Measured: 4–9 % less CPU on
    // the fuzzer's half and on four API files (decision 063). Tests only; the server's flags are unchanged.
    execArgv: ["--max-semi-space-size=32"],
    maxWorkers: 2,
    // Longest files first, on a fresh clone too (src/server/test/sequencer.ts), so no long file runs last alone.
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
