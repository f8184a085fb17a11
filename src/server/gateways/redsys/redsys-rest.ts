import { AppError } from "../../errors/errors.js";
import type { GatewayEnv } from "../gateway.js";
import { redsysSisErrorCode } from "./redsys-codes.js";
import type { RedsysCredentials } from "./redsys-credentials.js";
import { decodeRedsysParameters, isRedsysSignatureValid, signRedsysMessage } from "./redsys-signature.js";

/** RedSys' REST entry for operations without the payer (refunds, confirmations, cancellations). */
export const redsysRestPath = "/sis/rest/trataPeticionREST";

/**
 * One signed trataPeticionREST call. RedSys answers either a signed message whose parameters carry
 * Ds_Response, or {"errorCode":"SISnnnn"}; a timeout, a dropped connection or a 5xx is GATEWAY_UNAVAILABLE.
 * RedSys has no idempotency key, so only calls that change nothing (`retry: true`) are ever repeated.
 */
export async function callRedsysRest(
  credentials: RedsysCredentials,
  env: GatewayEnv,
  params: Record<string, string>,
  options: { retry: boolean },
): Promise<Record<string, string>> {
  const body = JSON.stringify(signRedsysMessage(credentials.signatureVersion, credentials.secretKey, params));
  const attempts = options.retry ? 2 : 1;
  let answer: unknown;
  for (let attempt = 1; ; attempt++) {
    try {
      answer = await postJson(`${env.redsysBase}${redsysRestPath}`, body, env.timeoutMs);
      break;
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
  const record = (answer ?? {}) as Record<string, unknown>;
  if (typeof record.errorCode === "string") {
    const sisCode = record.errorCode.replace(/[^A-Z0-9]/g, "").slice(0, 12);
    throw new AppError(redsysSisErrorCode(sisCode), [], `RedSys refused the request: ${sisCode}`);
  }
  return readSignedAnswer(credentials, record);
}

async function postJson(url: string, body: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new AppError("GATEWAY_UNAVAILABLE", [], "RedSys did not answer in time");
  }
  if (response.status >= 500) {
    throw new AppError("GATEWAY_UNAVAILABLE", [], `RedSys answered HTTP ${response.status}`);
  }
  try {
    return await response.json();
  } catch {
    throw new AppError("GATEWAY_UNAVAILABLE", [], "RedSys answered something that is not JSON");
  }
}

/** The parameters of a signed answer, once its signature is this terminal's (URL-encoded fields decoded). */
function readSignedAnswer(credentials: RedsysCredentials, record: Record<string, unknown>) {
  const { Ds_SignatureVersion: version, Ds_MerchantParameters: encoded, Ds_Signature: signature } = record;
  const params = typeof encoded === "string" ? decodeRedsysParameters(encoded) : null;
  const fields = params ? decodeRedsysFields(params) : null;
  if (
    !fields ||
    typeof signature !== "string" ||
    (version !== "HMAC_SHA256_V1" && version !== "HMAC_SHA512_V2") ||
    !isRedsysSignatureValid(
      version,
      credentials.secretKey,
      fields.Ds_Order ?? "",
      encoded as string,
      signature,
    )
  ) {
    throw new AppError(
      "PAYMENT_SIGNATURE_INVALID",
      [],
      "RedSys' answer was not signed with this terminal's key",
    );
  }
  return fields;
}

/**
 * RedSys URL-encodes each value of its notifications (Ds_Date "22%2F10%2F2021", Ds_Hour "22%3A51"), after
 * signing: the signature covers the encoded text, the values are read decoded.
 */
export function decodeRedsysFields(params: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== "string" && typeof value !== "number") continue;
    const text = String(value);
    try {
      fields[name] = decodeURIComponent(text.replace(/\+/g, " "));
    } catch {
      fields[name] = text;
    }
  }
  return fields;
}
