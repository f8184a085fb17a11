import type { Config } from "../../config.js";
import { sandboxGateway } from "./sandbox-gateway.js";

/**
 * Which gateway a contact may pay an invoice with (issue 9), all three must agree:
 * - the server runs it: the sandbox is a demo device, off in production unless PORTICO_DEMO=1;
 * - the organisation has it enabled (`organisations.enabled_gateways`, none for a new organisation);
 * - the invoice offers it (`invoices.gateways`, copied from the organisation's setting at creation).
 */
export function availableGateways(config: Pick<Config, "sandboxGateway">): string[] {
  return config.sandboxGateway ? [sandboxGateway.id] : [];
}

export function offeredGateways(
  config: Pick<Config, "sandboxGateway">,
  org: { enabledGateways: string[] },
  invoice?: { gateways: string[] },
): string[] {
  return availableGateways(config).filter(
    (g) => org.enabledGateways.includes(g) && (invoice === undefined || invoice.gateways.includes(g)),
  );
}
