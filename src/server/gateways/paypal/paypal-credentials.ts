import { z } from "zod";

/** What staff paste from their PayPal app (developer dashboard → Apps & Credentials) and its webhook. */
export const paypalCredentials = z.object({
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().trim().min(1).max(200),
  /** The id PayPal gave the webhook pointing at this organisation's notify URL; signatures name it. */
  webhookId: z.string().trim().min(1).max(100),
});

export type PaypalCredentials = z.infer<typeof paypalCredentials>;

/** Ids shown in part, the secret only by its last four characters. */
export function maskPaypalCredentials(c: PaypalCredentials): Record<string, string> {
  return {
    clientId: `${c.clientId.slice(0, 6)}…${c.clientId.slice(-4)}`,
    clientSecret: `••••${c.clientSecret.slice(-4)}`,
    webhookId: `${c.webhookId.slice(0, 4)}…${c.webhookId.slice(-4)}`,
  };
}
