import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { withOrg, withSystem } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { hashToken } from "../../http/tokens.js";
import type { StaffPrincipal } from "../auth/auth.service.js";
import { canManageApiKeys } from "./api-key-policy.js";
import { looksLikeApiKey, newApiKeySecret } from "./api-key-secret.js";
import {
  findLiveApiKey,
  findLiveApiKeyById,
  insertApiKey,
  markApiKeyRevoked,
  selectApiKeys,
  touchApiKey,
} from "./api-keys.queries.js";

/** lastUsedAt is written at most this often, so a busy key does not cost a write per request. */
const TOUCH_AFTER_MS = 60_000;

/**
 * Keys are managed by people only: a key cannot list, create or revoke keys (a stolen key must not mint
 * more), and of the people, owners and admins.
 */
function assertCanManage(actor: StaffPrincipal): void {
  if (actor.apiKey) throw new AppError("API_KEY_NOT_ALLOWED");
  if (!canManageApiKeys(actor.role)) throw new AppError("FORBIDDEN_ROLE");
}

export async function listApiKeys(db: Db, actor: StaffPrincipal): Promise<ApiKey[]> {
  assertCanManage(actor);
  return withOrg(db, actor.orgId, (tx) => selectApiKeys(tx));
}

/** Creates a key; the answer is the only place its secret ever appears (only its SHA-256 is stored). */
export async function createApiKey(
  db: Db,
  actor: StaffPrincipal,
  input: CreateApiKeyBody,
): Promise<CreatedApiKey> {
  assertCanManage(actor);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= clock.nowMs()) throw new AppError("API_KEY_EXPIRY_PAST");
  const { secret, shown } = newApiKeySecret();
  return withOrg(db, actor.orgId, async (tx) => {
    const id = await insertApiKey(tx, {
      orgId: actor.orgId,
      name: input.name,
      prefix: shown,
      secretHash: hashToken(secret),
      scope: input.scope,
      expiresAt,
      createdBy: actor.userId,
    });
    const [created] = id ? await selectApiKeys(tx, id) : [];
    if (!created) throw new AppError("INTERNAL");
    return { ...created, secret };
  });
}

/** Revokes at once: the next request with the key is refused. */
export async function revokeApiKey(db: Db, actor: StaffPrincipal, id: string): Promise<ApiKey> {
  assertCanManage(actor);
  return withOrg(db, actor.orgId, async (tx) => {
    if (!(await markApiKeyRevoked(tx, id, clock.now()))) throw new AppError("NOT_FOUND");
    const [key] = await selectApiKeys(tx, id);
    if (!key) throw new AppError("NOT_FOUND");
    return key;
  });
}

/** For a long-lived stream opened with a key: is the key still live (not revoked, not expired)? */
export async function isApiKeyLive(db: Db, id: string): Promise<boolean> {
  return withSystem(db, async (tx) => (await findLiveApiKeyById(tx, id, clock.now())) !== undefined);
}

/**
 * The principal of a bearer key: it acts in the key's organisation as an admin would, limited by its
 * scope and unable to manage keys or anyone's account; `userId` is the person who created it, who stays
 * accountable, while `apiKey` names the key wherever the change is attributed. Null for an unknown,
 * revoked or expired key. Looked up by hash before the organisation is known, like a staff session.
 */
export async function resolveApiKey(db: Db, secret: string): Promise<StaffPrincipal | null> {
  if (!looksLikeApiKey(secret)) return null;
  return withSystem(db, async (tx) => {
    const now = clock.now();
    const key = await findLiveApiKey(tx, hashToken(secret), now);
    if (!key) return null;
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_AFTER_MS)
      await touchApiKey(tx, key.id, now);
    return {
      sessionId: key.id,
      userId: key.createdBy,
      orgId: key.orgId,
      role: "admin",
      apiKey: { id: key.id, name: key.name, scope: key.scope },
    };
  });
}
