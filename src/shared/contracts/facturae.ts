import { z } from "zod";

/** The largest PKCS#12 file taken (decision 053): a certificate with its chain is a few kilobytes. */
export const SIGNING_CERTIFICATE_MAX_BYTES = 50 * 1024;

/**
 * Settings › Signing certificate (issue 17 §3): the PKCS#12 file (.p12/.pfx) as base64 and its password.
 * The service checks the decoded size (SIGNING_CERTIFICATE_MAX_BYTES, `certificate_too_large`); the
 * schema's bound only keeps absurd bodies out.
 */
export const signingCertificateBody = z.object({
  file: z
    .string()
    .max(100_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "not base64"),
  password: z.string().max(200),
});
export type SigningCertificateBody = z.infer<typeof signingCertificateBody>;

/** What is ever shown of the stored certificate: never the file, the key or the password. */
export const signingCertificateInfo = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  nif: z.string().nullable(),
  updatedAt: z.string(),
});
export type SigningCertificateInfo = z.infer<typeof signingCertificateInfo>;

export const signingCertificateStatus = z.object({ certificate: signingCertificateInfo.nullable() });
export type SigningCertificateStatus = z.infer<typeof signingCertificateStatus>;

/** The portal's question: does this organisation sign Facturae files (so the button is shown)? */
export const portalFacturaeAvailability = z.object({ available: z.boolean() });
