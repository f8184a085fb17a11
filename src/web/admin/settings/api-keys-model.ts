import type { ApiKey } from "../../../shared/contracts/index.js";

export type ApiKeyStatus = "active" | "revoked" | "expired";

/** What a key's row says: revoked wins over expired, as the server refuses it for either. */
export function apiKeyStatus(key: Pick<ApiKey, "revokedAt" | "expiresAt">, nowMs: number): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  return key.expiresAt && Date.parse(key.expiresAt) <= nowMs ? "expired" : "active";
}

/**
 * The instant a key picked to expire on a calendar day (in the browser's zone) stops working: the end of
 * that day. Empty means no expiry.
 */
export function expiryOf(date: string): string | null {
  return date ? new Date(`${date}T23:59:59.999`).toISOString() : null;
}
