import { createHmac } from "node:crypto";
import type { Config } from "../../config.js";
import { AppError } from "../../errors/errors.js";
import { safeEqual } from "../../http/tokens.js";

export type SandboxOutcome = "succeeded" | "declined" | "cancelled";

/**
 * The built-in sandbox gateway: its hosted page (sandbox.routes.ts) stands in for a provider's, and its
 * confirmations are HMAC-SHA256 signed like RedSys' or Stripe's, so the confirming code path is the
 * real one. The secret derives from APP_SECRET.
 */
export const sandboxGateway = {
  id: "sandbox",
  minimumMinor: 50,
  checkoutUrl: (config: Config, checkoutId: string) => `${config.publicUrl}/sandbox/checkout/${checkoutId}`,
  checkAmount(amountMinor: number, _currency: string) {
    if (amountMinor < this.minimumMinor) throw new AppError("CP4001");
  },
  sign(config: Config, fields: { session: string; status: SandboxOutcome; reference: string }): string {
    return createHmac("sha256", `sandbox:${config.appSecret}`)
      .update(`${fields.session}|${fields.status}|${fields.reference}`)
      .digest("hex");
  },
  verify(
    config: Config,
    fields: { session: string; status: SandboxOutcome; reference: string },
    signature: string,
  ): boolean {
    return safeEqual(this.sign(config, fields), signature);
  },
};
