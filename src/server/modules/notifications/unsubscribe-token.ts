import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * What an unsubscribe link turns off (decision 044): one event for one recipient, the organisation's
 * inbox (`userId` null) or one member. Signed with HMAC-SHA256 under the server secret: no expiry (an
 * email's link keeps working), revoked by raising the organisation's `unsubscribe_version`, which every
 * token carries. Nothing is stored per token, and a token names nothing a reader could not see already.
 */
export interface UnsubscribeClaim {
  orgId: string;
  userId: string | null;
  event: string;
  version: number;
}

const PURPOSE = "portico-unsubscribe-v1";
const key = (secret: string) => createHmac("sha256", PURPOSE).update(secret).digest();
const mac = (secret: string, payload: string) =>
  createHmac("sha256", key(secret)).update(payload).digest("base64url");

export function signUnsubscribe(secret: string, c: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify([c.orgId, c.userId, c.event, c.version])).toString("base64url");
  return `${payload}.${mac(secret, payload)}`;
}

/** The claim of a genuine token, or null for a forged, altered or malformed one. */
export function verifyUnsubscribe(secret: string, token: string): UnsubscribeClaim | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 4) return null;
    const [orgId, userId, event, version] = v;
    if (typeof orgId !== "string" || typeof event !== "string" || !Number.isInteger(version)) return null;
    if (userId !== null && typeof userId !== "string") return null;
    return { orgId, userId, event, version };
  } catch {
    return null;
  }
}
