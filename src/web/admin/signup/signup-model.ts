import type { NewOrganisationBody, OnboardingItemKey, SignupBody } from "../../../shared/contracts/index.js";
import { SUPPORTED_CURRENCIES } from "../../../shared/money/currency.js";

export interface OrganisationValues {
  organisationName: string;
  slug: string;
  country: string;
  currency: string;
  language: "es" | "en";
  timeZone: string;
}
export interface SignupValues extends OrganisationValues {
  name: string;
  email: string;
  password: string;
}

/** Countries offered first; any other ISO 3166 code can be typed into the searchable select. */
const COUNTRIES = [
  "ES",
  "PT",
  "FR",
  "DE",
  "IT",
  "NL",
  "BE",
  "IE",
  "GB",
  "US",
  "MX",
  "AR",
  "CO",
  "CL",
  "PE",
  "AD",
  "CH",
  "AT",
  "SE",
  "DK",
  "NO",
  "FI",
  "PL",
  "CZ",
  "CA",
  "AU",
  "JP",
];

/** Country select options, named in the UI's language. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return COUNTRIES.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` })).sort(
    (a, b) => a.label.localeCompare(b.label, locale),
  );
}

export const currencyOptions = (): string[] => [...SUPPORTED_CURRENCIES];

/** The browser's own zone when the runtime names one, else Madrid's (the product's default). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Madrid";
  } catch {
    return "Europe/Madrid";
  }
}

export function initialOrganisationValues(uiLanguage: string): OrganisationValues {
  const language = uiLanguage.startsWith("en") ? "en" : "es";
  return {
    organisationName: "",
    slug: "",
    country: "ES",
    currency: "EUR",
    language,
    timeZone: browserTimeZone(),
  };
}

export const toOrganisationBody = (v: OrganisationValues): NewOrganisationBody => ({
  organisationName: v.organisationName.trim(),
  slug: v.slug.trim().toLowerCase(),
  country: v.country,
  currency: v.currency,
  language: v.language,
  timeZone: v.timeZone,
});

export const toSignupBody = (v: SignupValues): SignupBody => ({
  ...toOrganisationBody(v),
  name: v.name.trim(),
  email: v.email.trim().toLowerCase(),
  password: v.password,
});

/** Where each checklist item is done in the back office. */
export const ONBOARDING_LINKS: Record<OnboardingItemKey, string> = {
  profile: "/settings/organisation",
  defaultTax: "/settings/taxes",
  paymentDetails: "/settings/organisation",
  portal: "/settings/portal",
  firstCustomer: "/customers/new",
  firstInvoiceSent: "/invoices",
};
