import forge from "node-forge";

/** What a PKCS#12 file says of its certificate: all that Settings ever shows of it. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  serialNumber: string;
  /** The validity as instants (the service compares them with the server clock). */
  notBefore: Date;
  notAfter: Date;
  /** The NIF in the subject (organizationIdentifier VATES-…, else serialNumber IDCES-…), if any. */
  nif: string | null;
}

/** The opened file: the signer's certificate first, its chain after, and the private key (PKCS#8 DER). */
export interface OpenedPkcs12 {
  facts: CertificateFacts;
  /** Base64 DER of each certificate, the signer's first. */
  chain: string[];
  privateKeyPkcs8: Buffer;
}

export type Pkcs12Problem = "not_pkcs12" | "wrong_password" | "incomplete" | "key_unsupported";

export class Pkcs12Error extends Error {
  constructor(readonly problem: Pkcs12Problem) {
    super(`PKCS#12: ${problem}`);
  }
}

const dn = (attrs: forge.pki.CertificateField[]) =>
  attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(", ");

function nifOf(cert: forge.pki.Certificate): string | null {
  const attr = (type: string) => cert.subject.attributes.find((a) => a.type === type)?.value;
  const orgId = attr("2.5.4.97");
  if (typeof orgId === "string" && /^VATES-/i.test(orgId)) return orgId.slice(6).toUpperCase();
  const serial = attr(forge.pki.oids.serialNumber ?? "2.5.4.5");
  if (typeof serial === "string") {
    const m = /^(?:IDCES-)?([0-9A-Z]{9})$/i.exec(serial);
    if (m?.[1]) return m[1].toUpperCase();
  }
  return null;
}

/** The certificate of the private key: the same RSA modulus. */
const matches = (cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey) =>
  (cert.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n) === true;

/**
 * Opens a PKCS#12 (.p12/.pfx) with its password. node-forge reads RSA keys only; an EC key is refused as
 * `key_unsupported` (decision 053). Throws Pkcs12Error, never anything that carries the password.
 */
export function openPkcs12(bytes: Buffer, password: string): OpenedPkcs12 {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString("binary")));
  } catch {
    throw new Pkcs12Error("not_pkcs12");
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (err) {
    const message = err instanceof Error ? err.message : "";
    throw new Pkcs12Error(/password|MAC|decrypt/i.test(message) ? "wrong_password" : "not_pkcs12");
  }
  const bagsOf = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [
    ...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag as string),
    ...bagsOf(forge.pki.oids.keyBag as string),
  ];
  const certs = bagsOf(forge.pki.oids.certBag as string).flatMap((b) => (b.cert ? [b.cert] : []));
  if (keyBags.length === 0 || certs.length === 0) throw new Pkcs12Error("incomplete");
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Pkcs12Error("key_unsupported");
  const signer = certs.find((c) => matches(c, key));
  if (!signer) throw new Pkcs12Error("incomplete");
  const der = (c: forge.pki.Certificate) =>
    forge.util.encode64(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes());
  const pkcs8 = forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes();
  return {
    facts: {
      subject: dn(signer.subject.attributes),
      issuer: dn(signer.issuer.attributes),
      serialNumber: signer.serialNumber.toUpperCase(),
      notBefore: signer.validity.notBefore,
      notAfter: signer.validity.notAfter,
      nif: nifOf(signer),
    },
    chain: [der(signer), ...certs.filter((c) => c !== signer).map(der)],
    privateKeyPkcs8: Buffer.from(pkcs8, "binary"),
  };
}
