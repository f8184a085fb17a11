import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError } from "../../errors/errors.js";
import type { Gateway, GatewayEvent } from "../gateway.js";
import { type SandboxFields, sandboxSignature } from "./sandbox-signature.js";

const notification = z.object({
  session: z.uuid(),
  status: z.enum(["succeeded", "declined", "cancelled"]),
  reference: z.string().min(1).max(100),
});

/** A confirmation as the one event it carries: a decline is a failure the payer sees as CP3003. */
export function sandboxEventOf(fields: SandboxFields): GatewayEvent {
  return {
    kind: "payment",
    checkoutId: fields.session,
    reference: fields.reference,
    status: fields.status === "declined" ? "failed" : fields.status,
    ...(fields.status === "declined" ? { failureCode: "CP3003" } : {}),
  };
}

/**
 * The built-in sandbox (a demo device, issue 9): its hosted page (`modules/payments/sandbox.routes.ts`)
 * stands in for a provider's. It needs no credentials (it signs with APP_SECRET), takes any currency
 * from 0.50, and refunds at once, so the demo shows every path a real provider takes.
 */
export function createSandboxGateway(config: { appSecret: string }): Gateway<Record<string, never>> {
  return {
    id: "sandbox",
    capabilities: {
      currencies: "any",
      minimumMinor: () => 50,
      online: true,
      savedMethods: false,
      bankDebits: false,
      refunds: true,
    },
    credentials: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
    mask: () => ({}),
    testConnection: async () => {},
    startCheckout: async (_c, env, input) => ({
      kind: "redirect",
      url: `${env.publicUrl}/sandbox/checkout/${input.checkoutId}`,
      providerRef: input.checkoutId,
    }),
    async verifyNotification(_c, _env, input) {
      const signature = input.headers["x-sandbox-signature"];
      let body: unknown;
      try {
        body = JSON.parse(input.rawBody.toString("utf8"));
      } catch {
        throw new AppError("PAYMENT_SIGNATURE_INVALID");
      }
      const fields = notification.safeParse(body);
      if (
        !fields.success ||
        typeof signature !== "string" ||
        !sandboxSignature.verify(config, fields.data, signature)
      )
        throw new AppError("PAYMENT_SIGNATURE_INVALID");
      const f = fields.data;
      return { eventId: `${f.session}|${f.status}|${f.reference}`, events: [sandboxEventOf(f)] };
    },
    refund: async () => ({ reference: `sbx_rf_${randomBytes(6).toString("hex")}`, status: "succeeded" }),
  };
}
