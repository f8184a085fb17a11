import type { Config } from "../../config.js";
import { serverGateways } from "../../gateways/registry.js";
import { gatewayAllowed, portalOptionsOf } from "../organisation/portal-policy.js";

export type GatewayConfig = Pick<Config, "sandboxGateway" | "appSecret">;

/**
 * Which gateway a contact may pay an invoice with (issues 9 and 13), all three must agree:
 * - the server runs it (`gateways/registry.ts`): the sandbox is a demo device, off in production unless
 *   PORTICO_DEMO=1;
 * - the organisation has it enabled (`organisations.enabled_gateways`, none for a new organisation; only
 *   a gateway with stored credentials, or one that needs none, can be enabled);
 * - the invoice offers it (`invoices.gateways`, copied from the organisation's setting at creation);
 * and the portal allows it (C4 "Allow PayPal").
 */
export function availableGateways(config: GatewayConfig): string[] {
  return [...serverGateways(config).keys()];
}

/**
 * Only gateways the payer is sent to pay through: a bank transfer (offline) may be enabled, but its
 * details are shown beside the invoice, never as "Pay now" or in its minimum.
 */
export function offeredGateways(
  config: GatewayConfig,
  org: { enabledGateways: string[] } & Parameters<typeof portalOptionsOf>[0],
  invoice?: { gateways: string[] },
): string[] {
  // C4: a gateway behind a portal option (PayPal) is not offered while the option is off; an offline
  // one (bank transfer) shows its details and is never a "Pay now".
  const options = portalOptionsOf(org);
  return [...serverGateways(config).values()]
    .filter((g) => g.capabilities.online)
    .map((g) => g.id)
    .filter(
      (g) =>
        org.enabledGateways.includes(g) &&
        (invoice === undefined || invoice.gateways.includes(g)) &&
        gatewayAllowed(options, g),
    );
}

/**
 * "Pay everything" (F2): the gateways every invoice paid online allows, the intersection of what each
 * offers among the organisation's. An invoice staff left with none of them is not paid online, so it
 * does not empty the choice; none in common → the contact pays the invoices one by one.
 */
export function commonGateways(
  offered: readonly string[],
  invoices: readonly { gateways: string[] }[],
): string[] {
  const payable = invoices.filter((i) => i.gateways.some((g) => offered.includes(g)));
  return offered.filter((g) => payable.every((i) => i.gateways.includes(g)));
}
