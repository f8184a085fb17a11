import { groupIban } from "../../../shared/bank-account.js";
import type { OrganisationProfile, UpdateOrganisationBody } from "../../../shared/contracts/index.js";

export interface OrganisationFormValues {
  name: string;
  legalName: string;
  taxId: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
  phone: string;
  mobile: string;
  email: string;
  website: string;
  /** One URL per line. */
  socialLinks: string;
  brandColor: string;
  baseCurrency: string;
  language: "es" | "en";
  timeZone: string;
  iban: string;
  bic: string;
}

export function profileToValues(p: OrganisationProfile): OrganisationFormValues {
  return {
    name: p.name,
    legalName: p.legalName ?? "",
    taxId: p.taxId ?? "",
    addressLine1: p.addressLine1 ?? "",
    addressLine2: p.addressLine2 ?? "",
    city: p.city ?? "",
    postalCode: p.postalCode ?? "",
    region: p.region ?? "",
    country: p.country,
    phone: p.phone ?? "",
    mobile: p.mobile ?? "",
    email: p.email ?? "",
    website: p.website ?? "",
    socialLinks: p.socialLinks.join("\n"),
    brandColor: p.brandColor,
    baseCurrency: p.baseCurrency,
    language: p.language,
    timeZone: p.timeZone,
    // Stored without spaces (the server compacts what is typed); read and typed in groups of four.
    iban: p.iban ? groupIban(p.iban) : "",
    bic: p.bic ?? "",
  };
}

const orNull = (value: string) => value.trim() || null;

export function valuesToProfileBody(v: OrganisationFormValues): UpdateOrganisationBody {
  return {
    name: v.name.trim(),
    legalName: orNull(v.legalName),
    taxId: orNull(v.taxId),
    addressLine1: orNull(v.addressLine1),
    addressLine2: orNull(v.addressLine2),
    city: orNull(v.city),
    postalCode: orNull(v.postalCode),
    region: orNull(v.region),
    country: v.country.trim().toUpperCase(),
    phone: orNull(v.phone),
    mobile: orNull(v.mobile),
    email: orNull(v.email),
    website: orNull(v.website),
    socialLinks: v.socialLinks
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    brandColor: v.brandColor.trim().toLowerCase(),
    baseCurrency: v.baseCurrency,
    language: v.language,
    timeZone: v.timeZone,
    iban: orNull(v.iban),
    bic: orNull(v.bic),
  };
}

/** "body.socialLinks.2" → "socialLinks": the links share one textarea. */
export function organisationFieldPath(path: string): string {
  return path.startsWith("socialLinks") ? "socialLinks" : path;
}

export function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}
