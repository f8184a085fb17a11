import { createSign, createVerify, generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { crc32 } from "node:zlib";

/**
 * How PayPal signs a webhook (the fake's half): RSA-SHA256 over
 * `transmission_id|transmission_time|webhook_id|crc32(body)`, the CRC32 unsigned and in decimal, with the
 * key of the certificate at `PAYPAL-CERT-URL`. The fake keeps its own key pair; only the postback can
 * tell a genuine transmission, as with PayPal.
 */
export interface SignedWebhook {
  rawBody: Buffer;
  headers: Record<string, string>;
}

export interface SignOptions {
  /** Sign for another webhook id (another organisation's, or a stale one). */
  webhookId?: string;
  /** Change the body after signing (the amount), as a man in the middle would. */
  tamper?: boolean;
  /** A signature by a key that is not PayPal's. */
  badSignature?: boolean;
}

export class WebhookSigner {
  private readonly key = generateKeyPairSync("rsa", { modulusLength: 2048 });
  private readonly strangerKey: KeyObject = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;

  constructor(readonly certUrl: string) {}

  sign(event: object, webhookId: string, opts: SignOptions = {}): SignedWebhook {
    const raw = JSON.stringify(event);
    const transmissionId = randomUUID();
    const transmissionTime = new Date().toISOString();
    const signer = createSign("sha256");
    signer.update(signedText(transmissionId, transmissionTime, opts.webhookId ?? webhookId, raw));
    const sig = signer.sign(opts.badSignature ? this.strangerKey : this.key.privateKey, "base64");
    const body = opts.tamper
      ? raw.replace(/"value":"(\d+)/, (_m, units: string) => `"value":"${units}9`)
      : raw;
    return {
      rawBody: Buffer.from(body),
      headers: {
        "content-type": "application/json",
        "paypal-auth-algo": "SHA256withRSA",
        "paypal-cert-url": this.certUrl,
        "paypal-transmission-id": transmissionId,
        "paypal-transmission-sig": sig,
        "paypal-transmission-time": transmissionTime,
      },
    };
  }

  /** The postback's answer: SUCCESS only for a body, time and webhook id the fake signed. */
  verify(p: {
    auth_algo?: unknown;
    cert_url?: unknown;
    transmission_id?: unknown;
    transmission_sig?: unknown;
    transmission_time?: unknown;
    webhook_id?: unknown;
    webhook_event?: unknown;
  }): boolean {
    if (p.auth_algo !== "SHA256withRSA" || p.cert_url !== this.certUrl) return false;
    const [id, time, webhookId, sig] = [
      p.transmission_id,
      p.transmission_time,
      p.webhook_id,
      p.transmission_sig,
    ];
    if (typeof id !== "string" || typeof time !== "string" || typeof webhookId !== "string") return false;
    if (typeof sig !== "string") return false;
    const verifier = createVerify("sha256");
    verifier.update(signedText(id, time, webhookId, JSON.stringify(p.webhook_event)));
    return verifier.verify(this.key.publicKey, sig, "base64");
  }
}

function signedText(id: string, time: string, webhookId: string, raw: string): string {
  return `${id}|${time}|${webhookId}|${crc32(Buffer.from(raw)) >>> 0}`;
}
