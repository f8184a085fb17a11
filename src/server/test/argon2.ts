import { createRequire } from "node:module";
import type * as Argon2 from "@node-rs/argon2";

/**
 * What the server's `@node-rs/argon2` is under Vitest (vitest.config.ts aliases the package here; the
 * server itself, `npm start` and the separate server processes some tests spawn load the real one).
 *
 * Production hashes with argon2id at m=19 MiB, t=2 (src/server/http/passwords.ts): tens of milliseconds
 * per sign-in, set-password and organisation, thousands of times over the suite. Here every hash is made
 * at argon2's smallest cost instead; a hash carries its own parameters, so verifying one is as cheap.
 * Hashes stay real argon2id (a wrong password still fails). `productionCost` lifts the override for the
 * one test that checks the production parameters (src/server/http/passwords.test.ts).
 */
// createRequire, not import: the alias would send an import of the package back to this file.
const real: typeof Argon2 = createRequire(import.meta.url)("@node-rs/argon2");

const TEST_COST = { memoryCost: 8, timeCost: 1, parallelism: 1 } as const;
let override = true;

const cheap = (options?: Argon2.Options | null): Argon2.Options => ({
  ...options,
  ...(override ? TEST_COST : {}),
});

/** Runs `fn` with hashes made at the parameters the caller passes (production's), then back to cheap. */
export async function productionCost<T>(fn: () => Promise<T>): Promise<T> {
  override = false;
  try {
    return await fn();
  } finally {
    override = true;
  }
}

// The functions the server imports (an import of any other fails loudly: add it here).
export const hash: typeof Argon2.hash = (password, options, signal) =>
  real.hash(password, cheap(options), signal);
export const verify = real.verify;
