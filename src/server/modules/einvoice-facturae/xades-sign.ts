import { webcrypto } from "node:crypto";
import * as xmldom from "@xmldom/xmldom";
import * as xadesjs from "xadesjs";
import type { OpenedPkcs12 } from "./pkcs12.js";

/**
 * The Facturae signature policy v3.1 (XAdES-EPES) and the SHA-1 digest of its PDF as published by the
 * Ministry (decision 053): the signature names it, a verifier checks it against the document it fetches.
 */
export const FACTURAE_POLICY = {
  url: "http://www.facturae.es/politica_de_firma_formato_facturae/politica_de_firma_formato_facturae_v3_1.pdf",
  description: "Política de Firma FacturaE v3.1",
  sha1: "Ohixl6upD6av8N7pEvDABhEL6hM=",
} as const;

const DSIG = "http://www.w3.org/2000/09/xmldsig#";
const ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

let ready = false;
/** Node's WebCrypto as xadesjs's engine and @xmldom as its DOM, once per process. */
function setUp() {
  if (ready) return;
  xadesjs.Application.setEngine("NodeJS", webcrypto as unknown as Crypto);
  xadesjs.setNodeDependencies({
    XMLSerializer: xmldom.XMLSerializer,
    DOMParser: xmldom.DOMParser,
    DOMImplementation: xmldom.DOMImplementation,
  } as never);
  ready = true;
}

const DOCUMENT_REFERENCE = "Reference-Facturae";

/** What the signed reference is: an electronic invoice as XML (the DataObjectFormat Facturae signers give). */
function invoiceFormat() {
  const format = new xadesjs.xml.DataObjectFormat();
  format.ObjectReference = `#${DOCUMENT_REFERENCE}`;
  format.Description = "Factura electrónica";
  format.ObjectIdentifier = new xadesjs.xml.ObjectIdentifier();
  format.ObjectIdentifier.Identifier = new xadesjs.xml.Identifier();
  format.ObjectIdentifier.Identifier.Qualifier = "OIDAsURN";
  format.ObjectIdentifier.Identifier.Value = "urn:oid:1.2.840.10003.5.109.10";
  format.MimeType = "text/xml";
  return format;
}

/**
 * Signs the document with an enveloped XAdES-EPES signature (the Facturae policy, the signer's
 * certificate, SigningTime `at`, the role "emisor"), appended as the root's last child.
 */
export async function signFacturae(xml: string, cert: OpenedPkcs12, at: Date): Promise<string> {
  setUp();
  const key = await webcrypto.subtle.importKey("pkcs8", cert.privateKeyPkcs8, ALGORITHM, false, ["sign"]);
  const doc = xadesjs.Parse(xml);
  const signer = new xadesjs.SignedXml();
  const signerCert = cert.chain[0] ?? "";
  signer.SignedProperties.SignedDataObjectProperties.DataObjectFormats.Add(invoiceFormat());
  await signer.Sign({ name: ALGORITHM.name }, key as CryptoKey, doc, {
    x509: cert.chain,
    references: [{ id: DOCUMENT_REFERENCE, hash: "SHA-256", transforms: ["enveloped"], uri: "" }],
    signingCertificate: { certificate: signerCert, digestAlgorithm: "SHA-256" },
    signingTime: { value: at },
    policy: {
      identifier: { value: FACTURAE_POLICY.url, description: FACTURAE_POLICY.description },
      hash: "SHA-1",
      digestValue: FACTURAE_POLICY.sha1,
    },
    signerRole: { claimed: ["emisor"] },
  });
  const signature = signer.GetXml();
  if (!signature) throw new Error("xadesjs made no signature");
  doc.documentElement.appendChild(signature);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new xmldom.XMLSerializer().serializeToString(doc.documentElement as never)}\n`;
}

/** Whether the document's first signature verifies (digests and value); false, never a throw, when not. */
export async function verifyFacturae(xml: string): Promise<boolean> {
  setUp();
  try {
    const doc = xadesjs.Parse(xml);
    const [node] = Array.from(doc.getElementsByTagNameNS(DSIG, "Signature"));
    if (!node) return false;
    const signed = new xadesjs.SignedXml(doc);
    signed.LoadXml(node);
    return await signed.Verify();
  } catch {
    return false;
  }
}
