import { z } from "zod";
import type { FieldErrorCode } from "../field-error-codes.js";
import { currencyCode, language, optionalText, requiredText } from "./common.js";
import { notificationPrefs, portalOptions } from "./portal-options.js";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "use a colour like #1c7ed6");

export const organisationProfileFields = {
  name: requiredText(200),
  legalName: optionalText(200),
  taxId: optionalText(50),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  postalCode: optionalText(20),
  region: optionalText(100),
  country: z.string().regex(/^[A-Z]{2}$/, "use a 2-letter country code"),
  phone: optionalText(50),
  mobile: optionalText(50),
  email: z
    .email()
    .max(254)
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
  website: z
    .url()
    .max(300)
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
  socialLinks: z.array(z.url().max(300)).max(10),
  brandColor: hexColor,
  baseCurrency: currencyCode,
  language,
  timeZone: z
    .string()
    .max(100)
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { message: "unknown time zone", params: { code: "unknown_time_zone" satisfies FieldErrorCode } },
    ),
  iban: z
    .string()
    .max(64)
    .transform((v) => v.replace(/\s+/g, "").toUpperCase())
    .refine((v) => /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(v), {
      message: "not a valid IBAN",
      params: { code: "invalid_iban" satisfies FieldErrorCode },
    })
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
  bic: z
    .string()
    .max(11)
    .refine((v) => /^[A-Za-z0-9]{8}([A-Za-z0-9]{3})?$/.test(v), {
      message: "not a valid BIC",
      params: { code: "invalid_bic" satisfies FieldErrorCode },
    })
    .nullish()
    .or(z.literal(""))
    .transform((v) => (v ? v.toUpperCase() : null)),
};

export const updateOrganisationBody = z.object(organisationProfileFields);
export type UpdateOrganisationBody = z.input<typeof updateOrganisationBody>;

export const organisationProfile = z.object({
  id: z.uuid(),
  name: z.string(),
  legalName: z.string().nullable(),
  taxId: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  socialLinks: z.array(z.string()),
  brandColor: z.string(),
  baseCurrency: z.string(),
  language,
  timeZone: z.string(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  /** Relative URL of the logo image, or null. */
  logoUrl: z.string().nullable(),
});
export type OrganisationProfile = z.infer<typeof organisationProfile>;

export const deliveryMode = z.enum(["pdf", "link", "both"]);
export const portalSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "at least 3 characters")
  .max(40, "at most 40 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "use lowercase letters, digits and hyphens");
/**
 * PUT body of the portal settings (C1–C5). `options` and `notificationPrefs` may name only the keys that
 * change: what is sent is merged over what is stored, so an older client that omits them changes nothing.
 */
export const portalSettings = z.object({
  portalEnabled: z.boolean(),
  portalSlug,
  deliveryMode,
  options: portalOptions.partial().optional(),
  notificationPrefs: notificationPrefs.partial().optional(),
});
export type PortalSettings = z.infer<typeof portalSettings>;
export type PortalSettingsBody = z.input<typeof portalSettings>;
/** The response always carries every option and preference, defaults filled in. */
export const portalSettingsResponse = portalSettings.extend({
  portalUrl: z.string(),
  options: portalOptions,
  notificationPrefs,
});
export type PortalSettingsResponse = z.infer<typeof portalSettingsResponse>;
