import { jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey, updatedAt } from "./_columns.js";
import { bytea } from "./organisations.js";

/**
 * An organisation's credentials at one provider (C8), AES-256-GCM encrypted with the keyring key
 * `key_id` and the additional data "org_id|gateway" (a row copied to another organisation or provider
 * does not decrypt). `masked` is what Settings shows; the secret never leaves the server.
 */
export const gatewayCredentials = pgTable(
  "gateway_credentials",
  {
    orgId: orgId(),
    gateway: text("gateway").notNull(),
    keyId: text("key_id").notNull(),
    nonce: bytea("nonce").notNull(),
    ciphertext: bytea("ciphertext").notNull(),
    tag: bytea("tag").notNull(),
    masked: jsonb("masked").$type<Record<string, string>>().notNull(),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.gateway] })],
);

/**
 * Every provider notification applied, by the provider's event id: inserted in the transaction of its
 * effect, so a replay (providers retry, twice, late) finds it and changes nothing.
 */
export const gatewayEvents = pgTable(
  "gateway_events",
  {
    id: rowId(),
    orgId: orgId(),
    gateway: text("gateway").notNull(),
    eventId: text("event_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("gateway_events", t),
    uniqueIndex("gateway_events_event_key").on(t.orgId, t.gateway, t.eventId),
  ],
);
