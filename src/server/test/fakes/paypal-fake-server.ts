import { PaypalFake } from "./paypal-fake.js";
import { E2E_MERCHANT } from "./paypal-fake-wire.js";

/**
 * The fake PayPal as a process of its own, for the end-to-end run only: scripts/test-e2e.sh starts it,
 * points the app at it with PAYPAL_API_BASE and stops it afterwards. It prints its URL on one line.
 */

const fake = await PaypalFake.start([E2E_MERCHANT]);
process.stdout.write(`${fake.url}\n`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
