import { randomBytes } from "node:crypto";

/** Every key starts with this, so a leaked key is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "pk_live_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 62^43 > 2^256, so 43 characters hold any 256-bit value; shorter encodings are padded to a fixed length. */
const SECRET_LENGTH = 43;
/** How much of the key lists show: the fixed prefix and six characters of the secret. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 6;
const KEY_SHAPE = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${SECRET_LENGTH}}$`);

function base62(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString("hex")}`);
  let out = "";
  while (n > 0n) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(SECRET_LENGTH, "0");
}

/** A new key: `pk_live_` + 256 random bits in base62; only its hash is ever stored. */
export function newApiKeySecret(): { secret: string; shown: string } {
  const secret = API_KEY_PREFIX + base62(randomBytes(32));
  return { secret, shown: secret.slice(0, SHOWN_LENGTH) };
}

/** Whether a bearer credential has the shape of a key (cheap refusal before any database work). */
export function looksLikeApiKey(value: string): boolean {
  return KEY_SHAPE.test(value);
}
