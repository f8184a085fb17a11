import { createHmac } from "node:crypto";
import { safeEqual } from "../../http/tokens.js";

export type SandboxOutcome = "succeeded" | "declined" | "cancelled";
export type SandboxFields = { session: string; status: SandboxOutcome; reference: string };

/**
 * The sandbox's confirmations are HMAC-SHA256 signed like RedSys' or Stripe's, so the confirming code
 * path is the real one. The secret derives from APP_SECRET: the sandbox needs no credentials.
 */
export const sandboxSignature = {
  sign(config: { appSecret: string }, fields: SandboxFields): string {
    return createHmac("sha256", `sandbox:${config.appSecret}`)
      .update(`${fields.session}|${fields.status}|${fields.reference}`)
      .digest("hex");
  },
  verify(config: { appSecret: string }, fields: SandboxFields, signature: string): boolean {
    return safeEqual(this.sign(config, fields), signature);
  },
};
