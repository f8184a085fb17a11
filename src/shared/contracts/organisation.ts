import { z } from "zod";
import { bicProblem, compactBic, compactIban, ibanProblem } from "../bank-account.js";
import type { FieldErrorCode } from "../field-error-codes.js";
import { currencyCode, language, optionalText, requiredText } from "./common.js";
import { notificationPrefs, portalOptions } from "./portal-options.js";

const BANK_MESSAGES: Partial<Record<FieldErrorCode, string>> = {
  iban_checksum: "the IBAN's check digits do not match",
  iban_unknown_country: "no country uses IBANs starting like this",
  bic_unknown_country: "no country has this BIC's country code",
};

/** A field error with the code of what is wrong (src/shared/bank-account.ts), or none. */
const bankAccountCheck =
  (problemOf: (value: string) => FieldErrorCode | null, fallback: string) =>
  (value: string, ctx: z.RefinementCtx) => {
    const code = problemOf(value);
    if (code) ctx.addIssue({ code: "custom", message: BANK_MESSAGES[code] ?? fallback, params: { code } });
  };

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
  // Checked with ibantools (country, length, format, check digits); stored without spaces.
  iban: z
    .string()
    .max(64)
    .transform(compactIban)
    .superRefine(bankAccountCheck(ibanProblem, "not a valid IBAN"))
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
  bic: z
    .string()
    .max(20)
    .transform(compactBic)
    .superRefine(bankAccountCheck(bicProblem, "not a valid BIC"))
    .nullish()
    .or(z.literal(""))
    .transform((v) => v || null),
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
