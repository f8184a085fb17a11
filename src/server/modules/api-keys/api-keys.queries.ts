import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { ApiKey, ApiKeyScope } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { apiKeys, users } from "../../db/schema/index.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const listed = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scope: apiKeys.scope,
  createdAt: apiKeys.createdAt,
  createdByName: users.name,
  lastUsedAt: apiKeys.lastUsedAt,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
};

type ListedRow = Omit<typeof apiKeys.$inferSelect, "orgId" | "secretHash" | "createdBy"> & {
  createdByName: string | null;
};

function toApiKey(r: ListedRow): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scope: r.scope,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName ?? "",
    lastUsedAt: iso(r.lastUsedAt),
    expiresAt: iso(r.expiresAt),
    revokedAt: iso(r.revokedAt),
  };
}

/** The organisation's keys (row-level security scopes them), newest first. */
export async function selectApiKeys(tx: Tx, id?: string): Promise<ApiKey[]> {
  const rows = await tx
    .select(listed)
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(id ? eq(apiKeys.id, id) : undefined)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toApiKey);
}

export async function insertApiKey(
  tx: Tx,
  values: {
    orgId: string;
    name: string;
    prefix: string;
    secretHash: string;
    scope: ApiKeyScope;
    expiresAt: Date | null;
    createdBy: string;
  },
): Promise<string | undefined> {
  const [row] = await tx.insert(apiKeys).values(values).returning({ id: apiKeys.id });
  return row?.id;
}

/** Marks a live key revoked; answers whether the key exists (revoking twice changes nothing). */
export async function markApiKeyRevoked(tx: Tx, id: string, at: Date): Promise<boolean> {
  await tx
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
  const [row] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id));
  return row !== undefined;
}

const live = (now: Date) =>
  and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)));

/** The live key with this secret hash, in any organisation (system scope): not revoked, not expired. */
export async function findLiveApiKey(tx: Tx, secretHash: string, now: Date) {
  const [row] = await tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, secretHash), live(now)));
  return row;
}

export async function findLiveApiKeyById(tx: Tx, id: string, now: Date) {
  const [row] = await tx
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), live(now)));
  return row;
}

export async function touchApiKey(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}
