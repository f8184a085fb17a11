import { date, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { orgId, updatedAt } from "./_columns.js";
import { bytea } from "./organisations.js";

/**
 * The organisation's signing certificate for Facturae (issue 17 §3, decision 053): the PKCS#12 file and its
 * password, AES-256-GCM encrypted like gateway credentials (keyring key `key_id`, additional data
 * "org_id|facturae-signing"). Only what the certificate says of itself (subject, issuer, serial,
 * validity, NIF) is kept in clear for Settings; the file never leaves the server.
 */
export const signingCertificates = pgTable("signing_certificates", {
  orgId: orgId().primaryKey(),
  keyId: text("key_id").notNull(),
  nonce: bytea("nonce").notNull(),
  ciphertext: bytea("ciphertext").notNull(),
  tag: bytea("tag").notNull(),
  subject: text("subject").notNull(),
  issuer: text("issuer").notNull(),
  serialNumber: text("serial_number").notNull(),
  validFrom: date("valid_from", { mode: "string" }).notNull(),
  validTo: date("valid_to", { mode: "string" }).notNull(),
  nif: text("nif"),
  updatedAt: updatedAt(),
  updatedBy: uuid("updated_by").notNull(),
});
