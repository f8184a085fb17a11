import type { ErrorCode } from "../../errors/error-codes.js";
import { AppError } from "../../errors/errors.js";
import type { PaypalLink } from "./paypal-wire.js";

/**
 * A refusal PayPal answered with: its HTTP status, the first `details[].issue` (or the OAuth `error`),
 * its links (INSTRUMENT_DECLINED carries a `redirect` back to the payer's approval page) and the
 * `debug_id` PayPal's support asks for. Never the request, so never a credential.
 */
export class PaypalApiError extends Error {
  constructor(
    readonly status: number,
    readonly issue: string,
    readonly links: PaypalLink[],
    readonly debugId: string | null,
  ) {
    super(`PayPal answered ${status} ${issue}${debugId ? ` (debug id ${debugId})` : ""}`);
    this.name = "PaypalApiError";
  }
}

/** PayPal's issues (Orders v2, Payments v2) as Portico's codes (FEATURES.md F4). */
const ISSUE_CODES: Readonly<Record<string, ErrorCode>> = {
  INSTRUMENT_DECLINED: "CP3003",
  TRANSACTION_REFUSED: "CP3003",
  PAYER_CANNOT_PAY: "CP3003",
  COMPLIANCE_VIOLATION: "CP3003",
  PAYER_ACCOUNT_RESTRICTED: "CP3003",
  PAYER_ACCOUNT_LOCKED_OR_CLOSED: "CP3003",
  MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED: "CP3003",
  BILLING_ADDRESS_INVALID: "CP3004",
  SHIPPING_ADDRESS_INVALID: "CP3004",
  DUPLICATE_INVOICE_ID: "CP3005",
  DUPLICATE_REQUEST_ID: "CP3005",
  CANNOT_BE_ZERO_OR_NEGATIVE: "CP4001",
  CURRENCY_NOT_SUPPORTED: "CP4003",
  CURRENCY_NOT_SUPPORTED_FOR_COUNTRY: "CP4003",
  INVALID_CURRENCY_CODE: "CP4003",
  // The merchant's own account or app: its owner must fix it at PayPal.
  invalid_client: "CP3002",
  AUTHENTICATION_FAILURE: "CP3002",
  PERMISSION_DENIED: "CP3002",
  NOT_AUTHORIZED: "CP3002",
  PAYEE_ACCOUNT_RESTRICTED: "CP3002",
  PAYEE_ACCOUNT_LOCKED_OR_CLOSED: "CP3002",
  PAYEE_ACCOUNT_INVALID: "CP3002",
  REFUND_AMOUNT_EXCEEDED: "REFUND_EXCEEDS_REFUNDABLE",
  CAPTURE_FULLY_REFUNDED: "REFUND_EXCEEDS_REFUNDABLE",
  RESOURCE_NOT_FOUND: "NOT_FOUND",
  INVALID_RESOURCE_ID: "NOT_FOUND",
};

/** The CP code of a PayPal issue, if Portico has one. */
export function codeOfIssue(issue: string): ErrorCode | undefined {
  return Object.hasOwn(ISSUE_CODES, issue) ? ISSUE_CODES[issue] : undefined;
}

/**
 * What a refusal means to Portico. A 401 is always the merchant's credentials (CP3002); an issue Portico
 * does not know is PayPal's problem as far as the payer can tell (GATEWAY_UNAVAILABLE, nothing recorded).
 */
export function toAppError(err: PaypalApiError): AppError {
  const code = err.status === 401 ? "CP3002" : (codeOfIssue(err.issue) ?? "GATEWAY_UNAVAILABLE");
  return new AppError(code, [], err.message, { providerCode: err.issue });
}

/** Reads PayPal's error body (Orders' `{ name, details: [{ issue }] }` or OAuth's `{ error }`). */
export function readPaypalError(status: number, body: unknown): PaypalApiError {
  const b = (body && typeof body === "object" ? body : {}) as {
    name?: unknown;
    error?: unknown;
    details?: { issue?: unknown }[];
    links?: unknown;
    debug_id?: unknown;
  };
  const issue = [b.details?.[0]?.issue, b.error, b.name].find((v) => typeof v === "string");
  const links = Array.isArray(b.links) ? (b.links as PaypalLink[]) : [];
  const debugId = typeof b.debug_id === "string" ? b.debug_id : null;
  return new PaypalApiError(status, (issue as string | undefined) ?? `HTTP_${status}`, links, debugId);
}
