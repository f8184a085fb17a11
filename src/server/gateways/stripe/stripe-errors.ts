import Stripe from "stripe";
import type { ErrorCode } from "../../errors/error-codes.js";
import { AppError } from "../../errors/errors.js";

/**
 * Stripe's decline and error codes that are a CP code of F4. Anything else a card can answer (a generic
 * decline, insufficient funds) is the payer's to retry on Stripe's page and carries no CP code.
 */
const cpCodeOfStripeCode: Record<string, ErrorCode> = {
  fraudulent: "CP3003",
  merchant_blacklist: "CP3003",
  stolen_card: "CP3003",
  lost_card: "CP3003",
  pickup_card: "CP3003",
  incorrect_zip: "CP3004",
  incorrect_address: "CP3004",
  duplicate_transaction: "CP3005",
  amount_too_small: "CP4001",
  invalid_currency: "CP4003",
  currency_not_supported: "CP4003",
};

/** The CP code of a decline (`decline_code` first, then `code`), if it has one. */
export function cpCodeOfDecline(declineCode?: string | null, code?: string | null): ErrorCode | undefined {
  return (
    (declineCode ? cpCodeOfStripeCode[declineCode] : undefined) ??
    (code ? cpCodeOfStripeCode[code] : undefined)
  );
}

/**
 * Turns whatever a Stripe call threw into an AppError. Stripe's own message is never passed on: it
 * may quote part of the API key, and the payer should read our text, not Stripe's.
 */
export function toAppError(error: unknown, during: "checkout" | "refund" | "read" = "read"): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof Stripe.errors.StripeError)) return new AppError("GATEWAY_UNAVAILABLE");
  if (
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripePermissionError
  ) {
    return new AppError("CP3002");
  }
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error.statusCode ?? 500) >= 500
  ) {
    return new AppError("GATEWAY_UNAVAILABLE");
  }
  if (
    during === "refund" &&
    (error.code === "charge_already_refunded" || error.code === "amount_too_large")
  ) {
    return new AppError("REFUND_EXCEEDS_REFUNDABLE");
  }
  const cp = cpCodeOfDecline(error.decline_code, error.code);
  if (cp) return new AppError(cp);
  if (error.param === "currency" || error.param?.endsWith("[currency]")) return new AppError("CP4003");
  return new AppError("GATEWAY_REQUEST_REFUSED");
}
