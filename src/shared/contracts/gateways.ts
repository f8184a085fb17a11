import { z } from "zod";

/** One gateway in Settings → Payments (issue 13): never the credentials, only what may be shown of them. */
export const gatewayCredentialsStatus = z.object({
  gateway: z.string(),
  needsCredentials: z.boolean(),
  configured: z.boolean(),
  masked: z.record(z.string(), z.string()),
  updatedAt: z.string().nullable(),
  notifyUrl: z.string(),
});
export type GatewayCredentialsStatus = z.infer<typeof gatewayCredentialsStatus>;

/** What staff type; each provider validates it with its own schema (secrets, ids, a mode). */
export const gatewayCredentialsBody = z.record(
  z.string().min(1).max(60),
  z.union([z.string().max(8000), z.number(), z.boolean()]),
);
export type GatewayCredentialsBody = z.infer<typeof gatewayCredentialsBody>;

export const gatewayParams = z.object({ gateway: z.string().min(1).max(40) });
