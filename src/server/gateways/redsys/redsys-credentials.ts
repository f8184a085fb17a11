import { z } from "zod";
import { redsysSignatureVersions } from "./redsys-signature.js";

/**
 * What staff copy from RedSys' back office (Canales → Consulta datos del comercio): the merchant code
 * (FUC), the terminal and the terminal's signing key, which is 32 base64 characters (24 bytes, the
 * 3DES key of HMAC_SHA256_V1; HMAC_SHA512_V2 uses the same text). The version is the terminal's.
 */
export const redsysCredentials = z.object({
  merchantCode: z
    .string()
    .trim()
    .regex(/^\d{9}$/),
  terminal: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/),
  secretKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{32}$/),
  signatureVersion: z.enum(redsysSignatureVersions).default("HMAC_SHA256_V1"),
});

export type RedsysCredentials = z.infer<typeof redsysCredentials>;

export function maskRedsysCredentials(credentials: RedsysCredentials): Record<string, string> {
  return {
    merchantCode: credentials.merchantCode,
    terminal: credentials.terminal,
    secretKey: `••••${credentials.secretKey.slice(-4)}`,
    signatureVersion: credentials.signatureVersion,
  };
}
