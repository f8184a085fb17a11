import { boolean, customType, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { NotificationPrefs, PortalOptions } from "../../../shared/contracts/portal-options.js";
import { createdAt, id, updatedAt } from "./_columns.js";

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: text("name").notNull(),
    legalName: text("legal_name"),
    taxId: text("tax_id"),
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    city: text("city"),
    postalCode: text("postal_code"),
    region: text("region"),
    country: text("country").notNull().default("ES"),
    phone: text("phone"),
    mobile: text("mobile"),
    email: text("email"),
    website: text("website"),
    socialLinks: text("social_links").array().notNull().default([]),
    logo: bytea("logo"),
    logoMime: text("logo_mime"),
    brandColor: text("brand_color").notNull().default("#1c7ed6"),
    baseCurrency: text("base_currency").notNull().default("EUR"),
    language: text("language").notNull().default("es"),
    timeZone: text("time_zone").notNull().default("Europe/Madrid"),
    iban: text("iban"),
    bic: text("bic"),
    portalEnabled: boolean("portal_enabled").notNull().default(true),
    /** The owner requires two-factor sign-in of every member (decision 022); checked in requireStaff. */
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    portalSlug: text("portal_slug").notNull(),
    deliveryMode: text("delivery_mode", { enum: ["pdf", "link", "both"] })
      .notNull()
      .default("both"),
    /** C4 display options; read through modules/organisation/portal-policy.ts, never directly. */
    portalOptions: jsonb("portal_options").$type<Partial<PortalOptions>>().notNull().default({}),
    /** C5: which events email the organisation; missing keys take the defaults of the contract. */
    notificationPrefs: jsonb("notification_prefs").$type<Partial<NotificationPrefs>>().notNull().default({}),
    /**
     * Signs into every unsubscribe link (decision 044): raising it revokes all links already emailed.
     */
    unsubscribeVersion: integer("unsubscribe_version").notNull().default(1),
    /**
     * Payment gateways this organisation has set up; a new invoice offers these (issue 9). None until the
     * organisation configures one; the demo organisation enables the sandbox.
     */
    enabledGateways: text("enabled_gateways").array().notNull().default([]),
    /**
     * VERI*FACTU mode (issue 17): issuing writes a chained billing record and the documents carry the AEAT
     * QR. Needs the organisation's NIF (`taxId`); off for organisations outside Spain.
     */
    verifactuEnabled: boolean("verifactu_enabled").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organisations_portal_slug_key").on(t.portalSlug)],
);
