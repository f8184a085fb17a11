import { startStripeFake } from "./stripe-fake.js";

/**
 * The Stripe fake as a process of its own, for the end-to-end run only: scripts/test-e2e.sh starts it,
 * points the app at it with STRIPE_API_BASE and stops it afterwards. It prints its URL on one line; its
 * keys are the fake's defaults (STRIPE_FAKE_KEYS in stripe-fake.ts).
 */
const fake = await startStripeFake();
process.stdout.write(`${fake.baseUrl}\n`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
