import { AppError } from "../errors/errors.js";
import type { GatewayEnv } from "./gateway.js";

/**
 * Every call to a provider goes through here: a provider's own AppError (a CP code, a bad signature)
 * passes; anything else — a timeout, a refused connection, an answer it could not read — is
 * GATEWAY_UNAVAILABLE, so nothing half-done is recorded. Providers time out each request themselves
 * (`env.timeoutMs`) and may retry with their idempotency key; this net stops a call that still hangs.
 */
export async function callProvider<T>(env: GatewayEnv, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const net = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("provider call timed out")), env.timeoutMs * 3);
  });
  try {
    return await Promise.race([call(), net]);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("GATEWAY_UNAVAILABLE");
  } finally {
    clearTimeout(timer);
  }
}
