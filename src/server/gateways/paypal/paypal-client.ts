import { createHash } from "node:crypto";
import { nowMs } from "../../clock.js";
import { AppError } from "../../errors/errors.js";
import type { GatewayEnv } from "../gateway.js";
import type { PaypalCredentials } from "./paypal-credentials.js";
import { PaypalApiError, readPaypalError, toAppError } from "./paypal-errors.js";

/**
 * A thin client of PayPal's REST API (decision 026): `fetch` against `env.paypalApiBase`, so tests point
 * it at the in-repo fake, where the official server SDK hard-codes PayPal's hosts.
 *
 * Every call Portico makes is safe to repeat (orders, captures and refunds carry `PayPal-Request-Id`; the
 * token, the signature postback and reads change nothing), so a 5xx or a dropped connection is retried
 * once. A timeout is not: the call's time is spent, and the payer is told at once.
 */
export interface PaypalCall {
  method: "GET" | "POST";
  path: string;
  /** JSON to send; a string is sent as it is (the webhook postback embeds the event's raw bytes). */
  body?: unknown;
  /** `PayPal-Request-Id`: PayPal answers a repeat with the first result instead of acting twice. */
  requestId?: string;
}

interface CachedToken {
  token: string;
  expiresAtMs: number;
}

/** Access tokens per base URL and credentials, kept until a minute before PayPal says they expire. */
const tokens = new Map<string, CachedToken>();
const EXPIRY_MARGIN_S = 60;

function tokenKey(c: PaypalCredentials, env: GatewayEnv): string {
  return createHash("sha256")
    .update(`${env.paypalApiBase}\u0000${c.clientId}\u0000${c.clientSecret}`)
    .digest("hex");
}

/** Sends one request and reads the JSON answer; transport failures are GATEWAY_UNAVAILABLE. */
async function send(
  env: GatewayEnv,
  path: string,
  init: RequestInit,
): Promise<{ status: number; body: unknown }> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(new URL(path, env.paypalApiBase), {
        ...init,
        signal: AbortSignal.timeout(env.timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      if (!timedOut && attempt < 2) continue;
      throw new AppError("GATEWAY_UNAVAILABLE", [], timedOut ? "PayPal timed out" : "PayPal unreachable");
    }
    const text = await res.text().catch(() => "");
    if (res.status >= 500 && attempt < 2) continue;
    return { status: res.status, body: parseJson(text) };
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

/** A fresh token from `POST /v1/oauth2/token` (client credentials); 401 invalid_client is CP3002. */
export async function requestToken(c: PaypalCredentials, env: GatewayEnv): Promise<string> {
  const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString("base64");
  const { status, body } = await send(env, "/v1/oauth2/token", {
    method: "POST",
    headers: {
      Authorization: `Basic ${basic}`,
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    },
    body: "grant_type=client_credentials",
  });
  const answer = body as { access_token?: unknown; expires_in?: unknown };
  if (status !== 200 || typeof answer.access_token !== "string") {
    throw toAppError(readPaypalError(status, body));
  }
  const lifetimeS = typeof answer.expires_in === "number" ? answer.expires_in : 0;
  tokens.set(tokenKey(c, env), {
    token: answer.access_token,
    expiresAtMs: nowMs() + Math.max(0, lifetimeS - EXPIRY_MARGIN_S) * 1000,
  });
  return answer.access_token;
}

async function accessToken(
  c: PaypalCredentials,
  env: GatewayEnv,
): Promise<{ token: string; cached: boolean }> {
  const hit = tokens.get(tokenKey(c, env));
  if (hit && hit.expiresAtMs > nowMs()) return { token: hit.token, cached: true };
  return { token: await requestToken(c, env), cached: false };
}

/**
 * One authenticated call. PayPal's refusals are thrown as `PaypalApiError` (the caller knows which issues
 * it handles, and maps the rest with `toAppError`); a cached token PayPal no longer accepts is replaced once.
 */
export async function paypalCall<T>(c: PaypalCredentials, env: GatewayEnv, call: PaypalCall): Promise<T> {
  let { token, cached } = await accessToken(c, env);
  for (;;) {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "application/json" };
    if (call.requestId) headers["PayPal-Request-Id"] = call.requestId;
    if (call.body !== undefined) headers["Content-Type"] = "application/json";
    const body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    const res = await send(env, call.path, { method: call.method, headers, body });
    if (res.status === 401 && cached) {
      tokens.delete(tokenKey(c, env));
      ({ token, cached } = { token: await requestToken(c, env), cached: false });
      continue;
    }
    if (res.status >= 200 && res.status < 300) return res.body as T;
    throw readPaypalError(res.status, res.body);
  }
}

/** `paypalCall` with every refusal as an AppError (CP code, or GATEWAY_UNAVAILABLE). */
export async function paypalRequest<T>(c: PaypalCredentials, env: GatewayEnv, call: PaypalCall): Promise<T> {
  try {
    return await paypalCall<T>(c, env, call);
  } catch (err) {
    throw err instanceof PaypalApiError ? toAppError(err) : err;
  }
}

/** Tests only: forget cached tokens, so a test sees the token call again. */
export function clearPaypalTokens(): void {
  tokens.clear();
}
