import Stripe from "stripe";
import { z } from "zod";
import type { GatewayEnv } from "../gateway.js";

export const stripeCredentials = z.object({
  /** A secret (`sk_`) or restricted (`rk_`) key of the account, test or live. */
  secretKey: z
    .string()
    .trim()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/),
  /** The signing secret of the webhook endpoint Portico's notification URL was registered as. */
  webhookSecret: z
    .string()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/=]{8,}$/),
});
export type StripeCredentials = z.infer<typeof stripeCredentials>;

/**
 * The official SDK pointed at `env.stripeApiBase` (Stripe, or a test fake). It times out after
 * `env.timeoutMs` and retries a failed call once: the SDK sends an idempotency key with every POST it
 * may retry, so a retry never charges twice.
 */
export function stripeClient(credentials: StripeCredentials, env: GatewayEnv): Stripe {
  const base = new URL(env.stripeApiBase);
  const protocol = base.protocol === "http:" ? "http" : "https";
  return new Stripe(credentials.secretKey, {
    host: base.hostname,
    port: base.port || (protocol === "http" ? 80 : 443),
    protocol,
    timeout: env.timeoutMs,
    maxNetworkRetries: 1,
    telemetry: false,
  });
}

/** "sk_test_••••4242": enough for staff to tell keys apart, nothing to charge with. */
export function maskSecret(secret: string): string {
  const prefix = secret.match(/^[a-z]+_(?:(?:test|live)_)?/)?.[0] ?? "";
  return `${prefix}••••${secret.slice(-4)}`;
}
