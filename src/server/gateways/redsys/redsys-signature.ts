import { createCipheriv, createHmac, timingSafeEqual } from "node:crypto";

/** The two signature versions RedSys' TPV Virtual speaks; a message names its own in Ds_SignatureVersion. */
export const redsysSignatureVersions = ["HMAC_SHA256_V1", "HMAC_SHA512_V2"] as const;
export type RedsysSignatureVersion = (typeof redsysSignatureVersions)[number];

export function isRedsysSignatureVersion(value: unknown): value is RedsysSignatureVersion {
  return (redsysSignatureVersions as readonly unknown[]).includes(value);
}

/** What travels in a form post, a REST body or a notification. */
export interface RedsysSignedMessage {
  Ds_SignatureVersion: RedsysSignatureVersion;
  Ds_MerchantParameters: string;
  Ds_Signature: string;
}

/**
 * The per-operation key: the merchant key is never used directly, it is diversified by the order number.
 *
 * HMAC_SHA256_V1 ("Guía de migración a firma HMAC SHA256"): 3DES-CBC with the base64-decoded merchant key
 * (24 bytes), an IV of 8 zero bytes and the order zero-padded to a multiple of 8 bytes. RedSys pads with
 * zeros, not PKCS#7, so Node's automatic padding is switched off: with it every key would be wrong.
 *
 * HMAC_SHA512_V2 (pagosonline.redsys.es, "Firmar una operación", and RedSys' own "Firma HMAC SHA-512 V2"
 * library): AES-128-CBC keyed with the first 16 characters of the merchant key *as text* (not decoded,
 * right-padded with "0" when shorter), an IV of 16 zero bytes and PKCS#7 padding; the HMAC key is the
 * base64 *text* of that ciphertext, not its bytes.
 */
export function redsysOrderKey(version: RedsysSignatureVersion, merchantKey: string, order: string): Buffer {
  if (version === "HMAC_SHA256_V1") {
    const data = Buffer.alloc(Math.ceil(Buffer.byteLength(order) / 8) * 8);
    data.write(order, "utf8");
    const cipher = createCipheriv("des-ede3-cbc", Buffer.from(merchantKey, "base64"), Buffer.alloc(8));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  }
  const aesKey = Buffer.from(merchantKey.slice(0, 16).padEnd(16, "0"), "utf8");
  const cipher = createCipheriv("aes-128-cbc", aesKey, Buffer.alloc(16));
  const encrypted = Buffer.concat([cipher.update(order, "utf8"), cipher.final()]);
  return Buffer.from(encrypted.toString("base64"), "utf8");
}

/** Ds_Signature of `merchantParameters` (the exact base64 text that is sent or was received). */
export function redsysSignature(
  version: RedsysSignatureVersion,
  merchantKey: string,
  order: string,
  merchantParameters: string,
): string {
  const key = redsysOrderKey(version, merchantKey, order);
  if (version === "HMAC_SHA256_V1") {
    return createHmac("sha256", key).update(merchantParameters).digest("base64");
  }
  return createHmac("sha512", key).update(merchantParameters).digest("base64url");
}

/** Ds_MerchantParameters: base64 of the JSON for V1, base64url without padding for V2 (as RedSys sends them). */
export function encodeRedsysParameters(
  version: RedsysSignatureVersion,
  params: Record<string, string>,
): string {
  return Buffer.from(JSON.stringify(params), "utf8").toString(
    version === "HMAC_SHA256_V1" ? "base64" : "base64url",
  );
}

/** The JSON object inside Ds_MerchantParameters (either alphabet), or null when it is not one. */
export function decodeRedsysParameters(encoded: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** RedSys signs in base64 but often delivers base64url (with or without padding): compare one spelling. */
function normaliseSignature(signature: string): string {
  return signature.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
}

/** Whether `signature` is RedSys' signature of `merchantParameters` for `order`, compared in constant time. */
export function isRedsysSignatureValid(
  version: RedsysSignatureVersion,
  merchantKey: string,
  order: string,
  merchantParameters: string,
  signature: string,
): boolean {
  let computed: string;
  try {
    computed = redsysSignature(version, merchantKey, order, merchantParameters);
  } catch {
    return false; // a merchant key 3DES refuses (not 24 bytes once decoded) signs nothing
  }
  const expected = Buffer.from(normaliseSignature(computed));
  const received = Buffer.from(normaliseSignature(signature));
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/** Signs parameters for a form post or a REST request. */
export function signRedsysMessage(
  version: RedsysSignatureVersion,
  merchantKey: string,
  params: Record<string, string>,
): RedsysSignedMessage {
  const order = params.DS_MERCHANT_ORDER ?? params.Ds_Order ?? "";
  const merchantParameters = encodeRedsysParameters(version, params);
  return {
    Ds_SignatureVersion: version,
    Ds_MerchantParameters: merchantParameters,
    Ds_Signature: redsysSignature(version, merchantKey, order, merchantParameters),
  };
}
