import { eq } from "drizzle-orm";
import {
  SIGNING_CERTIFICATE_MAX_BYTES,
  type SigningCertificateBody,
  type SigningCertificateStatus,
} from "../../../shared/contracts/facturae.js";
import type { FieldErrorCode } from "../../../shared/field-error-codes.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { signingCertificates } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { seal, unseal } from "../gateway-credentials/cipher.js";
import { type OpenedPkcs12, openPkcs12, Pkcs12Error, type Pkcs12Problem } from "./pkcs12.js";

type KeysConfig = Pick<Config, "encryptionKeys">;

/** The additional data's second half: a sealed certificate copied into gateway credentials fails, and back. */
const PURPOSE = "facturae-signing";

interface SealedCertificate {
  p12: string;
  password: string;
}

const FIELD_CODES: Record<Pkcs12Problem, FieldErrorCode> = {
  not_pkcs12: "not_pkcs12",
  wrong_password: "wrong_certificate_password",
  incomplete: "certificate_incomplete",
  key_unsupported: "certificate_key_unsupported",
};

const refuse = (field: string, code: FieldErrorCode, message: string) =>
  new AppError("VALIDATION_FAILED", [{ field, message, code }]);

const isCurrent = (o: OpenedPkcs12) => {
  const now = clock.nowMs();
  return o.facts.notBefore.getTime() <= now && now <= o.facts.notAfter.getTime();
};

/** The certificate's facts; nothing else of the row ever leaves this module. */
export async function signingCertificateStatusInTx(tx: Tx, orgId: string): Promise<SigningCertificateStatus> {
  const [row] = await tx
    .select({
      subject: signingCertificates.subject,
      issuer: signingCertificates.issuer,
      serialNumber: signingCertificates.serialNumber,
      validFrom: signingCertificates.validFrom,
      validTo: signingCertificates.validTo,
      nif: signingCertificates.nif,
      updatedAt: signingCertificates.updatedAt,
    })
    .from(signingCertificates)
    .where(eq(signingCertificates.orgId, orgId));
  return { certificate: row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null };
}

export function getSigningCertificate(db: Db, orgId: string): Promise<SigningCertificateStatus> {
  return withOrg(db, orgId, (tx) => signingCertificateStatusInTx(tx, orgId));
}

/**
 * Stores (or replaces) the organisation's certificate: opened with its password first, and refused with a
 * field error when it is not a PKCS#12, the password is wrong, the key or certificate is missing, or the
 * certificate is not valid today. Nothing is stored then.
 */
export async function saveSigningCertificate(
  db: Db,
  config: KeysConfig,
  orgId: string,
  userId: string,
  body: SigningCertificateBody,
): Promise<SigningCertificateStatus> {
  const bytes = Buffer.from(body.file, "base64");
  if (bytes.length > SIGNING_CERTIFICATE_MAX_BYTES)
    throw refuse("body.file", "certificate_too_large", "the certificate file may be at most 50 KB");
  let opened: OpenedPkcs12;
  try {
    opened = openPkcs12(bytes, body.password);
  } catch (err) {
    if (!(err instanceof Pkcs12Error)) throw err;
    const field = err.problem === "wrong_password" ? "body.password" : "body.file";
    throw refuse(field, FIELD_CODES[err.problem], err.message);
  }
  if (!isCurrent(opened))
    throw refuse("body.file", "certificate_not_current", "the certificate is not valid today");
  const plain: SealedCertificate = { p12: bytes.toString("base64"), password: body.password };
  const { facts } = opened;
  const values = {
    ...seal(config.encryptionKeys, orgId, PURPOSE, plain),
    subject: facts.subject,
    issuer: facts.issuer,
    serialNumber: facts.serialNumber,
    validFrom: facts.notBefore.toISOString().slice(0, 10),
    validTo: facts.notAfter.toISOString().slice(0, 10),
    nif: facts.nif,
    updatedAt: clock.now(),
    updatedBy: userId,
  };
  return withOrg(db, orgId, async (tx) => {
    await tx
      .insert(signingCertificates)
      .values({ orgId, ...values })
      .onConflictDoUpdate({ target: signingCertificates.orgId, set: values });
    return signingCertificateStatusInTx(tx, orgId);
  });
}

export function deleteSigningCertificate(db: Db, orgId: string): Promise<void> {
  return withOrg(db, orgId, async (tx) => {
    await tx.delete(signingCertificates).where(eq(signingCertificates.orgId, orgId));
  });
}

export async function hasSigningCertificateInTx(tx: Tx, orgId: string): Promise<boolean> {
  const [row] = await tx
    .select({ orgId: signingCertificates.orgId })
    .from(signingCertificates)
    .where(eq(signingCertificates.orgId, orgId));
  return row !== undefined;
}

/**
 * The certificate opened for one signature, in the organisation's staff scope (the portal's download signs
 * for the organisation too). SIGNING_CERTIFICATE_MISSING when none is stored or it no longer decrypts;
 * SIGNING_CERTIFICATE_EXPIRED when it is not valid today.
 */
export async function openSigningCertificateInTx(
  tx: Tx,
  config: KeysConfig,
  orgId: string,
): Promise<OpenedPkcs12> {
  const [row] = await tx.select().from(signingCertificates).where(eq(signingCertificates.orgId, orgId));
  if (!row) throw new AppError("SIGNING_CERTIFICATE_MISSING");
  const plain = unseal(config.encryptionKeys, orgId, PURPOSE, row) as SealedCertificate | null;
  if (!plain || typeof plain.p12 !== "string" || typeof plain.password !== "string")
    throw new AppError("SIGNING_CERTIFICATE_MISSING");
  let opened: OpenedPkcs12;
  try {
    opened = openPkcs12(Buffer.from(plain.p12, "base64"), plain.password);
  } catch {
    throw new AppError("SIGNING_CERTIFICATE_MISSING");
  }
  if (!isCurrent(opened)) throw new AppError("SIGNING_CERTIFICATE_EXPIRED");
  return opened;
}
