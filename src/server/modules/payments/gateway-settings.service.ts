import { and, eq, ne } from "drizzle-orm";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { invoices, organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { configuredGateways } from "../gateway-credentials/gateway-credentials.service.js";
import { availableGateways, offeredGateways } from "./gateways.js";

type GatewaySettingsConfig = Pick<
  Config,
  "sandboxGateway" | "appSecret" | "encryptionKeys" | "publicUrl" | "gateways"
>;

export interface GatewaySettings {
  enabled: string[];
  available: string[];
  /** Of the enabled, those a payer is sent to pay through (online, allowed by C4): what an invoice may offer. */
  offered: string[];
}

type OrgRow = typeof organisations.$inferSelect;

const settingsOf = (config: GatewaySettingsConfig, org: OrgRow | undefined): GatewaySettings => ({
  enabled: org?.enabledGateways ?? [],
  available: availableGateways(config),
  offered: org ? offeredGateways(config, org) : [],
});

export async function getGatewaySettings(
  db: Db,
  config: GatewaySettingsConfig,
  orgId: string,
): Promise<GatewaySettings> {
  const [org] = await withOrg(db, orgId, (tx) =>
    tx.select().from(organisations).where(eq(organisations.id, orgId)),
  );
  return settingsOf(config, org);
}

/** Only gateways this server runs may be enabled: one it does not would offer a "Pay now" that fails. */
export async function setEnabledGateways(
  db: Db,
  config: GatewaySettingsConfig,
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
  const org = await withOrg(db, orgId, async (tx) => {
    // Issue 13: a provider without stored credentials would offer a "Pay now" that fails.
    const ready = await configuredGateways(tx, config, orgId);
    const missing = enabled.filter((g) => !ready.includes(g));
    if (missing.length > 0)
      throw new AppError(
        "GATEWAY_CREDENTIALS_MISSING",
        missing.map((g) => ({
          field: "body.enabled",
          message: g,
          code: "unknown_gateway",
          params: { gateway: g },
        })),
      );
    const [updated] = await tx
      .update(organisations)
      .set({ enabledGateways: enabled })
      .where(eq(organisations.id, orgId))
      .returning();
    return updated;
  });
  return settingsOf(config, org);
}

/**
 * Staff narrow what one invoice offers (issue 13): a subset of what the organisation has enabled now,
 * none to take no online payment for it. A void invoice takes no payment and keeps what it had.
 */
export async function setInvoiceGateways(
  db: Db,
  config: GatewaySettingsConfig,
  orgId: string,
  invoiceId: string,
  requested: string[],
): Promise<{ gateways: string[] }> {
  const wanted = [...new Set(requested)];
  return withOrg(db, orgId, async (tx) => {
    // Another organisation's invoice, or none: 404 before anything about gateways is said.
    const open = and(eq(invoices.id, invoiceId), ne(invoices.status, "void"), eq(invoices.kind, "invoice"));
    const [found] = await tx.select({ id: invoices.id }).from(invoices).where(open);
    if (!found) throw new AppError("NOT_FOUND");
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
    if (!org) throw new AppError("NOT_FOUND");
    const offered = offeredGateways(config, org);
    const refused = wanted.filter((g) => !offered.includes(g));
    if (refused.length > 0)
      throw new AppError(
        "GATEWAY_NOT_AVAILABLE",
        refused.map((g) => ({
          field: "body.gateways",
          message: g,
          code: "unknown_gateway",
          params: { gateway: g },
        })),
      );
    const [updated] = await tx
      .update(invoices)
      .set({ gateways: wanted })
      .where(open)
      .returning({ gateways: invoices.gateways });
    if (!updated) throw new AppError("NOT_FOUND");
    return updated;
  });
}
