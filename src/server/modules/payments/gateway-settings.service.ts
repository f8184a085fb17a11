import { eq } from "drizzle-orm";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { availableGateways } from "./gateways.js";

export interface GatewaySettings {
  enabled: string[];
  available: string[];
}

const settingsOf = (config: Pick<Config, "sandboxGateway">, enabled: string[]): GatewaySettings => ({
  enabled,
  available: availableGateways(config),
});

export async function getGatewaySettings(
  db: Db,
  config: Pick<Config, "sandboxGateway">,
  orgId: string,
): Promise<GatewaySettings> {
  const [org] = await withOrg(db, orgId, (tx) =>
    tx
      .select({ enabled: organisations.enabledGateways })
      .from(organisations)
      .where(eq(organisations.id, orgId)),
  );
  return settingsOf(config, org?.enabled ?? []);
}

/** Only gateways this server runs may be enabled: one it does not would offer a "Pay now" that fails. */
export async function setEnabledGateways(
  db: Db,
  config: Pick<Config, "sandboxGateway">,
  orgId: string,
  requested: string[],
): Promise<GatewaySettings> {
  const enabled = [...new Set(requested)];
  const unknown = enabled.filter((g) => !availableGateways(config).includes(g));
  if (unknown.length > 0)
    throw new AppError(
      "GATEWAY_NOT_AVAILABLE",
      unknown.map((g) => ({
        field: "body.enabled",
        message: g,
        code: "unknown_gateway",
        params: { gateway: g },
      })),
    );
  await withOrg(db, orgId, (tx) =>
    tx.update(organisations).set({ enabledGateways: enabled }).where(eq(organisations.id, orgId)),
  );
  return settingsOf(config, enabled);
}
