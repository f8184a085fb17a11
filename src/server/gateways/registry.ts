import type { Config } from "../config.js";
import type { Gateway, GatewayEnv, GatewayId } from "./gateway.js";
import { paypalGateway } from "./paypal/paypal-gateway.js";
import { redsysGateway } from "./redsys/redsys-gateway.js";
import { createSandboxGateway } from "./sandbox/sandbox-gateway.js";
import { stripeGateway } from "./stripe/stripe-gateway.js";
import { transferGateway } from "./transfer/transfer-gateway.js";

/** A provider whatever its credentials' type (each one parses its own with `credentials`). */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds providers of different credential types
export type AnyGateway = Gateway<any>;

/**
 * The real providers this server runs (issue 13). Each provider adds its one line here; the sandbox is
 * added by `serverGateways` below, and only where it may run.
 */
export function providerGateways(): AnyGateway[] {
  return [transferGateway, redsysGateway, stripeGateway, paypalGateway];
}

/**
 * Providers a test puts in place of real ones (by id), like the clock's `setClock`: the core's tests drive
 * every kind of event through a scripted provider. Nothing outside tests calls it; each test file starts
 * with none (src/server/test/setup-file.ts).
 */
let testGateways: AnyGateway[] = [];
export function setTestGateways(gateways: AnyGateway[]): void {
  testGateways = gateways;
}

/** Every gateway this server runs, by id: the providers, and the sandbox when config.sandboxGateway. */
export function serverGateways(
  config: Pick<Config, "sandboxGateway" | "appSecret">,
): Map<GatewayId, AnyGateway> {
  const all = [
    ...(config.sandboxGateway ? [createSandboxGateway(config)] : []),
    ...providerGateways(),
    ...testGateways,
  ];
  return new Map(all.map((g) => [g.id, g]));
}

/** The gateway of that id when this server runs it. */
export function gatewayOf(
  config: Pick<Config, "sandboxGateway" | "appSecret">,
  id: string,
): AnyGateway | undefined {
  return serverGateways(config).get(id as GatewayId);
}

/** The gateways' server-wide settings from the configuration (STRIPE_API_BASE… or a test's overrides). */
export function gatewayEnv(config: Pick<Config, "publicUrl" | "gateways">): GatewayEnv {
  return { publicUrl: config.publicUrl, ...config.gateways };
}
