import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { EncryptionKey } from "../../config.js";

export interface Sealed {
  keyId: string;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** The additional data binds a ciphertext to its row: copied to another organisation or provider, it fails. */
const aadOf = (orgId: string, gateway: string) => Buffer.from(`${orgId}|${gateway}`, "utf8");

/** AES-256-GCM with the keyring's first key and a fresh 96-bit nonce (C8). */
export function seal(keys: readonly EncryptionKey[], orgId: string, gateway: string, plain: unknown): Sealed {
  const key = keys[0];
  if (!key) throw new Error("the credentials keyring is empty");
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.key, nonce);
  cipher.setAAD(aadOf(orgId, gateway));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plain), "utf8"), cipher.final()]);
  return { keyId: key.id, nonce, ciphertext, tag: cipher.getAuthTag() };
}

/**
 * Opens a sealed row with the key it names (any key of the ring, so old rows read after a rotation).
 * Null when the key is gone or the row was tampered with or moved: the caller treats it as no credentials.
 */
export function unseal(keys: readonly EncryptionKey[], orgId: string, gateway: string, s: Sealed): unknown {
  const key = keys.find((k) => k.id === s.keyId);
  if (!key) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, s.nonce);
    decipher.setAAD(aadOf(orgId, gateway));
    decipher.setAuthTag(s.tag);
    const plain = Buffer.concat([decipher.update(s.ciphertext), decipher.final()]).toString("utf8");
    return JSON.parse(plain) as unknown;
  } catch {
    return null;
  }
}
