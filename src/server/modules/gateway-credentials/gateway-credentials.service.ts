import { and, eq } from "drizzle-orm";
import { isFieldErrorCode } from "../../../shared/field-error-codes.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { gatewayCredentials, organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { type AnyGateway, gatewayEnv, gatewayOf, serverGateways } from "../../gateways/registry.js";
import { seal, unseal } from "./cipher.js";

type CredentialsConfig = Pick<
  Config,
  "sandboxGateway" | "appSecret" | "encryptionKeys" | "publicUrl" | "gateways"
>;

export interface GatewayCredentialsStatus {
  gateway: string;
  /** It needs credentials (the sandbox does not). */
  needsCredentials: boolean;
  /** Credentials are stored (always true when none are needed). */
  configured: boolean;
  /** What may be shown of the stored credentials (ids in part, secrets as "••••1234"). */
  masked: Record<string, string>;
  updatedAt: string | null;
  /** The address to paste at the provider for its notifications (webhooks). */
  notifyUrl: string;
}

/** A gateway that takes no credentials (the sandbox) is always ready. */
export const needsCredentials = (g: AnyGateway) => !g.credentials.safeParse({}).success;

/** A provider this server does not run is no resource here: 404, like any unknown path. */
function knownGateway(config: CredentialsConfig, id: string): AnyGateway {
  const g = gatewayOf(config, id);
  if (!g) throw new AppError("NOT_FOUND");
  return g;
}

export const notifyUrlOf = (config: Pick<Config, "publicUrl">, gateway: string, orgId: string) =>
  `${config.publicUrl}/api/gateways/${gateway}/notify/${orgId}`;

/** Every gateway the server runs, with whether this organisation has stored credentials for it. */
export function listGatewayCredentials(
  db: Db,
  config: CredentialsConfig,
  orgId: string,
): Promise<GatewayCredentialsStatus[]> {
  return withOrg(db, orgId, async (tx) => {
    const rows = await tx
      .select({
        gateway: gatewayCredentials.gateway,
        masked: gatewayCredentials.masked,
        updatedAt: gatewayCredentials.updatedAt,
      })
      .from(gatewayCredentials)
      .where(eq(gatewayCredentials.orgId, orgId));
    return [...serverGateways(config).values()].map((g) => {
      const row = rows.find((r) => r.gateway === g.id);
      return {
        gateway: g.id,
        needsCredentials: needsCredentials(g),
        configured: !needsCredentials(g) || row !== undefined,
        masked: row?.masked ?? {},
        updatedAt: row?.updatedAt.toISOString() ?? null,
        notifyUrl: notifyUrlOf(config, g.id, orgId),
      };
    });
  });
}

/** Parses with the provider's own schema, so a typo is a field error here and not a CP3002 at payment time. */
function parseCredentials(g: AnyGateway, body: unknown): unknown {
  const parsed = g.credentials.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new AppError(
    "VALIDATION_FAILED",
    parsed.error.issues.map((i) => ({
      field: ["body", ...i.path.map(String)].join("."),
      message: i.message,
      code: isFieldErrorCode(i.code) ? i.code : "custom",
    })),
  );
}

/** Stores (or replaces) the organisation's credentials at one provider, encrypted (C8). */
export async function saveGatewayCredentials(
  db: Db,
  config: CredentialsConfig,
  orgId: string,
  userId: string,
  gatewayId: string,
  body: unknown,
): Promise<GatewayCredentialsStatus> {
  const g = knownGateway(config, gatewayId);
  const credentials = parseCredentials(g, body);
  const sealed = seal(config.encryptionKeys, orgId, g.id, credentials);
  const masked = g.mask(credentials);
  const values = { ...sealed, masked, updatedAt: clock.now(), updatedBy: userId };
  await withOrg(db, orgId, (tx) =>
    tx
      .insert(gatewayCredentials)
      .values({ orgId, gateway: g.id, ...values })
      .onConflictDoUpdate({ target: [gatewayCredentials.orgId, gatewayCredentials.gateway], set: values }),
  );
  const all = await listGatewayCredentials(db, config, orgId);
  const mine = all.find((s) => s.gateway === g.id);
  if (!mine) throw new AppError("INTERNAL");
  return mine;
}

/** Forgets the credentials; the gateway is no longer offered (it could not take a payment). */
export function deleteGatewayCredentials(
  db: Db,
  config: CredentialsConfig,
  orgId: string,
  gatewayId: string,
): Promise<void> {
  const g = knownGateway(config, gatewayId);
  return withOrg(db, orgId, async (tx) => {
    await tx
      .delete(gatewayCredentials)
      .where(and(eq(gatewayCredentials.orgId, orgId), eq(gatewayCredentials.gateway, g.id)));
    if (!needsCredentials(g)) return;
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
    if (org?.enabledGateways.includes(g.id))
      await tx
        .update(organisations)
        .set({ enabledGateways: org.enabledGateways.filter((x) => x !== g.id) })
        .where(eq(organisations.id, orgId));
  });
}

/** The decrypted credentials in the caller's (staff-scoped) transaction; null when none are usable. */
export async function credentialsInTx(
  tx: Tx,
  config: CredentialsConfig,
  orgId: string,
  g: AnyGateway,
): Promise<unknown> {
  if (!needsCredentials(g)) return g.credentials.parse({});
  const [row] = await tx
    .select()
    .from(gatewayCredentials)
    .where(and(eq(gatewayCredentials.orgId, orgId), eq(gatewayCredentials.gateway, g.id)));
  if (!row) return null;
  const plain = unseal(config.encryptionKeys, orgId, g.id, row);
  if (plain === null) return null;
  const parsed = g.credentials.safeParse(plain);
  return parsed.success ? parsed.data : null;
}

/**
 * The organisation's credentials at a provider, decrypted for one call to it. The portal's checkout and
 * the providers' notifications act for the organisation here, so this reads in its staff scope.
 */
export function loadGatewayCredentials(
  db: Db,
  config: CredentialsConfig,
  orgId: string,
  g: AnyGateway,
): Promise<unknown> {
  return withOrg(db, orgId, (tx) => credentialsInTx(tx, config, orgId, g));
}

/** Which of these gateways could take a payment now: credentials stored, or none needed. */
export async function configuredGateways(
  tx: Tx,
  config: CredentialsConfig,
  orgId: string,
): Promise<string[]> {
  const rows = await tx
    .select({ gateway: gatewayCredentials.gateway })
    .from(gatewayCredentials)
    .where(eq(gatewayCredentials.orgId, orgId));
  return [...serverGateways(config).values()]
    .filter((g) => !needsCredentials(g) || rows.some((r) => r.gateway === g.id))
    .map((g) => g.id);
}

/** "Test the connection": one harmless authenticated call with the stored credentials; CP3002 when wrong. */
export async function testGatewayConnection(
  db: Db,
  config: CredentialsConfig,
  orgId: string,
  gatewayId: string,
): Promise<{ ok: true }> {
  const g = knownGateway(config, gatewayId);
  const credentials = await loadGatewayCredentials(db, config, orgId, g);
  if (credentials === null) throw new AppError("GATEWAY_CREDENTIALS_MISSING");
  await g.testConnection(credentials, gatewayEnv(config));
  return { ok: true };
}
