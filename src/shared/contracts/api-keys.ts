import { z } from "zod";
import { requiredText, uuid } from "./common.js";

/** `read` keys may only read (GET/HEAD); `write` keys may also change data. */
export const apiKeyScope = z.enum(["read", "write"]);
export type ApiKeyScope = z.infer<typeof apiKeyScope>;

/** A key as lists show it: never its secret, only the first characters (`prefix`) to tell keys apart. */
export const apiKey = z.object({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  scope: apiKeyScope,
  createdAt: z.iso.datetime(),
  createdByName: z.string(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof apiKey>;

export const createApiKeyBody = z.object({
  name: requiredText(100),
  scope: apiKeyScope,
  /** The moment the key stops working; none means it works until revoked. */
  expiresAt: z.iso.datetime({ offset: true }).nullish(),
});
export type CreateApiKeyBody = z.input<typeof createApiKeyBody>;

/** The answer to creating a key: the only time its secret is ever shown. */
export const createdApiKey = apiKey.extend({ secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKey>;
