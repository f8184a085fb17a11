import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";

/**
 * A self-signed certificate in a PKCS#12 with a password, for the tests only (decision 053): the key is
 * made by Node (fast), the certificate and the file by node-forge.
 */
export function makeTestPkcs12(opts: {
  password: string;
  notBefore: Date;
  notAfter: Date;
  nif?: string;
  serial?: string;
  withKey?: boolean;
}): Buffer {
  const { privateKey: pem } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = opts.serial ?? "0a1b2c";
  cert.validity.notBefore = opts.notBefore;
  cert.validity.notAfter = opts.notAfter;
  const attrs = [
    { name: "commonName", value: "Portico Test Signer" },
    { name: "organizationName", value: "Portico Test SL" },
    { type: "2.5.4.97", value: `VATES-${opts.nif ?? "B12345678"}` },
    { name: "countryName", value: "ES" },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(opts.withKey === false ? null : key, [cert], opts.password, {
    algorithm: "3des",
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary");
}
