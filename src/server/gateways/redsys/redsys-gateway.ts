import { createHash, randomUUID } from "node:crypto";
import { AppError } from "../../errors/errors.js";
import type {
  CheckoutInput,
  CheckoutStart,
  Gateway,
  GatewayEnv,
  GatewayEvent,
  VerifiedNotification,
} from "../gateway.js";
import {
  parseDsResponse,
  redsysCurrencyNumbers,
  redsysDeclineReason,
  redsysFailureCode,
  redsysLanguage,
  redsysOutcome,
} from "./redsys-codes.js";
import { maskRedsysCredentials, type RedsysCredentials, redsysCredentials } from "./redsys-credentials.js";
import { callRedsysRest, decodeRedsysFields } from "./redsys-rest.js";
import {
  decodeRedsysParameters,
  isRedsysSignatureValid,
  isRedsysSignatureVersion,
  signRedsysMessage,
} from "./redsys-signature.js";

/** The TPV Virtual's payment page: the payer's browser posts the signed form here. */
export const redsysPaymentPath = "/sis/realizarPago";

const alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Ds_Merchant_Order: 4 digits and 8 alphanumerics (RedSys wants 4–12 characters, the first 4 numeric).
 * Derived from the organisation and the checkout's idempotency key, so a retried start signs the same
 * order and RedSys itself refuses to take it twice (SIS0051); a new checkout gets a new one, and the
 * database keeps it unique per organisation (checkout_sessions' provider_ref, migration 0018).
 */
export function redsysOrderNumber(orgId: string, idempotencyKey: string): string {
  const digest = createHash("sha256").update(`redsys-order:${orgId}:${idempotencyKey}`).digest();
  const digits = String(digest.readUInt32BE(0) % 10_000).padStart(4, "0");
  let rest = "";
  for (let i = 4; i < 12; i++) rest += alphanumerics[(digest[i] as number) % alphanumerics.length];
  return digits + rest;
}

function checkAmount(amountMinor: number, currency: string): string {
  const currencyNumber = redsysCurrencyNumbers[currency.toUpperCase()];
  if (!currencyNumber) throw new AppError("CP4003");
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 1) throw new AppError("CP4001");
  return currencyNumber;
}

/** RedSys caps its text fields (125 and 60 characters here); trim rather than have the payment refused. */
const clip = (text: string, max: number) => text.replace(/\s+/g, " ").trim().slice(0, max);

async function startCheckout(
  credentials: RedsysCredentials,
  env: GatewayEnv,
  input: CheckoutInput,
): Promise<CheckoutStart> {
  const currency = checkAmount(input.amountMinor, input.currency);
  const order = redsysOrderNumber(input.orgId, input.idempotencyKey);
  const params: Record<string, string> = {
    DS_MERCHANT_AMOUNT: String(input.amountMinor),
    DS_MERCHANT_ORDER: order,
    DS_MERCHANT_MERCHANTCODE: credentials.merchantCode,
    DS_MERCHANT_CURRENCY: currency,
    DS_MERCHANT_TRANSACTIONTYPE: "0",
    DS_MERCHANT_TERMINAL: credentials.terminal,
    DS_MERCHANT_MERCHANTURL: input.notifyUrl,
    DS_MERCHANT_URLOK: input.successUrl,
    DS_MERCHANT_URLKO: input.cancelUrl,
    DS_MERCHANT_MERCHANTDATA: input.checkoutId,
    DS_MERCHANT_PRODUCTDESCRIPTION: clip(input.description, 125),
    DS_MERCHANT_TITULAR: clip(input.payer.name, 60),
    DS_MERCHANT_CONSUMERLANGUAGE: redsysLanguage(input.payer.language),
  };
  const message = signRedsysMessage(credentials.signatureVersion, credentials.secretKey, params);
  return {
    kind: "form",
    action: `${env.redsysBase}${redsysPaymentPath}`,
    fields: { ...message },
    providerRef: order,
  };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The three signed fields, from RedSys' form post (or a JSON body, as its REST notifications come). */
function readMessage(rawBody: Buffer, contentType: string): Record<string, string> {
  const text = rawBody.toString("utf8");
  if (contentType.includes("json")) {
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "string")) as Record<
        string,
        string
      >;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notGenuine = (why: string) => new AppError("PAYMENT_SIGNATURE_INVALID", [], why);

/**
 * RedSys' server notification: the only message that changes a payment's state (the payer's return to
 * URL OK / URL KO carries the same fields but only redirects). Its signature is checked with the version
 * it names; a tampered field, another terminal's message or an unknown version is PAYMENT_SIGNATURE_INVALID.
 */
async function verifyNotification(
  credentials: RedsysCredentials,
  _env: GatewayEnv,
  input: { rawBody: Buffer; headers: Record<string, string | string[] | undefined> },
): Promise<VerifiedNotification> {
  const message = readMessage(input.rawBody, header(input.headers, "content-type"));
  const { Ds_SignatureVersion: version, Ds_MerchantParameters: encoded, Ds_Signature: signature } = message;
  if (!isRedsysSignatureVersion(version)) throw notGenuine("Unknown or missing Ds_SignatureVersion");
  const params = encoded ? decodeRedsysParameters(encoded) : null;
  if (!params || !signature) throw notGenuine("Ds_MerchantParameters or Ds_Signature missing or unreadable");
  const fields = decodeRedsysFields(params);
  const order = fields.Ds_Order ?? "";
  if (!isRedsysSignatureValid(version, credentials.secretKey, order, encoded as string, signature)) {
    throw notGenuine("Ds_Signature does not match");
  }
  if (
    fields.Ds_MerchantCode !== credentials.merchantCode ||
    Number(fields.Ds_Terminal) !== Number(credentials.terminal)
  ) {
    throw notGenuine("The notification is for another merchant or terminal");
  }
  const type = fields.Ds_TransactionType ?? "0";
  const { code: response, text: responseText } = parseDsResponse(fields.Ds_Response);
  const authorisation = fields.Ds_AuthorisationCode?.trim() ?? "";
  const eventId = `${order}:${type}:${responseText}:${authorisation}`;
  return { eventId, events: [readEvent(fields, order, type, response, responseText)] };
}

const isoOfRedsysCurrency = new Map(Object.entries(redsysCurrencyNumbers).map(([iso, n]) => [n, iso]));

/** Ds_Amount (cents, no decimal point) and Ds_Currency (ISO numeric) as the notification states them. */
function amountOf(fields: Record<string, string>): { amount?: { amountMinor: number; currency: string } } {
  if (fields.Ds_Amount === undefined || fields.Ds_Currency === undefined) return {};
  const amountMinor = /^\d+$/.test(fields.Ds_Amount) ? Number(fields.Ds_Amount) : -1;
  // A currency Portico never asks RedSys for is ISO's "no currency": it matches no checkout.
  const currency = isoOfRedsysCurrency.get(fields.Ds_Currency) ?? "XXX";
  return { amount: { amountMinor, currency } };
}

function readEvent(
  fields: Record<string, string>,
  order: string,
  type: string,
  response: number,
  responseText: string,
): GatewayEvent {
  const outcome = redsysOutcome(response, type);
  if (type === "3") {
    const amountMinor = Number(fields.Ds_Amount);
    return {
      kind: "refund",
      paymentReference: order,
      refundReference: `${order}:${fields.Ds_AuthorisationCode?.trim() || responseText}`,
      amountMinor: Number.isSafeInteger(amountMinor) ? amountMinor : 0,
      status: outcome === "authorised" ? "succeeded" : "failed",
    };
  }
  if (type !== "0") return { kind: "ignored", why: `RedSys transaction type ${type}` };
  const checkoutId = fields.Ds_MerchantData ?? "";
  // Portico's checkout id travels in Ds_Merchant_MerchantData; an order started elsewhere has none.
  if (!uuidPattern.test(checkoutId))
    return { kind: "ignored", why: "no Portico checkout in Ds_MerchantData" };
  const base = { kind: "payment" as const, checkoutId, reference: order, ...amountOf(fields) };
  if (outcome === "authorised") return { ...base, status: "succeeded" };
  if (outcome === "cancelled") return { ...base, status: "cancelled", providerCode: responseText };
  const failureCode = redsysFailureCode(response);
  return {
    ...base,
    status: "failed",
    providerCode: responseText,
    // A CP code speaks for itself (F4); any other refusal reaches staff with its code's meaning.
    ...(failureCode ? { failureCode } : { declineReason: redsysDeclineReason(responseText) }),
  };
}

/**
 * "Test the connection": a signed refund of an order that was never issued. Only a terminal that checked
 * the signature answers with a business refusal ("no such operation", SIS0054); a wrong key answers
 * SIS0042 and a wrong merchant or terminal SIS0026, both CP3002. Nothing can be refunded, so the call is
 * safe to repeat.
 */
async function testConnection(credentials: RedsysCredentials, env: GatewayEnv): Promise<void> {
  const order = `0000${redsysOrderNumber("connection-test", randomUUID()).slice(4)}`;
  try {
    await callRedsysRest(
      credentials,
      env,
      {
        DS_MERCHANT_AMOUNT: "1",
        DS_MERCHANT_ORDER: order,
        DS_MERCHANT_MERCHANTCODE: credentials.merchantCode,
        DS_MERCHANT_CURRENCY: "978",
        DS_MERCHANT_TRANSACTIONTYPE: "3",
        DS_MERCHANT_TERMINAL: credentials.terminal,
      },
      { retry: true },
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "GATEWAY_UNAVAILABLE" || error.code === "CP3002") throw error;
    // An answer RedSys signed with another key: the key entered is not this terminal's.
    if (error.code === "PAYMENT_SIGNATURE_INVALID") throw new AppError("CP3002");
  }
}

/**
 * A refund (transaction type 3) of part or all of an authorised order. RedSys has no idempotency key: a
 * refund is never retried here, and one whose answer was lost is GATEWAY_UNAVAILABLE for staff to check.
 */
async function refund(
  credentials: RedsysCredentials,
  env: GatewayEnv,
  input: { paymentReference: string; amountMinor: number; currency: string; idempotencyKey: string },
) {
  const currency = checkAmount(input.amountMinor, input.currency);
  const answer = await callRedsysRest(
    credentials,
    env,
    {
      DS_MERCHANT_AMOUNT: String(input.amountMinor),
      DS_MERCHANT_ORDER: input.paymentReference,
      DS_MERCHANT_MERCHANTCODE: credentials.merchantCode,
      DS_MERCHANT_CURRENCY: currency,
      DS_MERCHANT_TRANSACTIONTYPE: "3",
      DS_MERCHANT_TERMINAL: credentials.terminal,
    },
    { retry: false },
  );
  const { code: responseCode, text: responseText } = parseDsResponse(answer.Ds_Response);
  const authorised = redsysOutcome(responseCode, "3") === "authorised";
  const reference = `${input.paymentReference}:${answer.Ds_AuthorisationCode?.trim() || input.idempotencyKey}`;
  if (authorised) return { reference, status: "succeeded" as const };
  return {
    reference,
    status: "failed" as const,
    failureCode: redsysFailureCode(responseCode) ?? (responseText || "REFUND_FAILED"),
  };
}

export const redsysGateway: Gateway<RedsysCredentials> = {
  id: "redsys",
  capabilities: {
    currencies: Object.keys(redsysCurrencyNumbers),
    minimumMinor: () => 1,
    online: true,
    savedMethods: false,
    bankDebits: false,
    refunds: true,
  },
  credentials: redsysCredentials,
  mask: maskRedsysCredentials,
  testConnection,
  startCheckout,
  verifyNotification,
  refund,
};
