import { z } from "zod";
import { email, language, requiredText, uuid } from "./common.js";
import { organisationProfileFields, portalSlug } from "./organisation.js";

/**
 * Portal addresses nobody may take: words of the product's own paths and of an operator's, so a new
 * organisation's portal never reads like Portico itself.
 */
export const RESERVED_SLUGS: readonly string[] = [
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "demo",
  "docs",
  "help",
  "login",
  "portal",
  "portico",
  "signup",
  "static",
  "status",
  "support",
  "www",
];

/**
 * A portal address from an organisation's name (lowercase ASCII words joined by hyphens): the sign-up
 * form's suggestion and org:create's default.
 */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug.length >= 3 || slug.length === 0 ? slug : `org-${slug}`;
}

/** The organisation part of a sign-up; alone, it is what a signed-in person sends to add an organisation. */
export const newOrganisationFields = {
  organisationName: requiredText(200),
  slug: portalSlug,
  country: organisationProfileFields.country,
  currency: organisationProfileFields.baseCurrency,
  language,
  timeZone: organisationProfileFields.timeZone,
};
export const newOrganisationBody = z.object(newOrganisationFields);
export type NewOrganisationBody = z.infer<typeof newOrganisationBody>;

/** Public sign-up (A1): a new organisation and its owner. The password policy is the server's (too_short, breached_password). */
export const signupBody = z.object({
  ...newOrganisationFields,
  name: requiredText(200),
  email,
  password: z.string().min(1, "required").max(1024),
});
export type SignupBody = z.infer<typeof signupBody>;
export type SignupInput = z.input<typeof signupBody>;

export const slugCheckQuery = z.object({ slug: z.string().max(100) });
/** The live check of a portal address: `reason` says why it is not available. */
export const slugCheckResponse = z.object({
  available: z.boolean(),
  reason: z.enum(["invalid", "reserved", "taken"]).nullable(),
});
export type SlugCheckResponse = z.infer<typeof slugCheckResponse>;

/** What the sign-in page may offer (public). */
export const authOptions = z.object({ signupOpen: z.boolean() });
export type AuthOptions = z.infer<typeof authOptions>;

/** The organisations of the signed-in person, for the header's switcher. */
export const staffOrganisations = z.array(
  z.object({
    id: uuid,
    name: z.string(),
    portalSlug: z.string(),
    role: z.enum(["owner", "admin", "staff"]),
    current: z.boolean(),
  }),
);
export type StaffOrganisations = z.infer<typeof staffOrganisations>;
export const switchOrganisationBody = z.object({ orgId: uuid });

/** The first-run checklist (G1), computed from the organisation's data. */
export const onboardingItemKey = z.enum([
  "profile",
  "defaultTax",
  "paymentDetails",
  "portal",
  "firstCustomer",
  "firstInvoiceSent",
]);
export type OnboardingItemKey = z.infer<typeof onboardingItemKey>;
export const onboardingResponse = z.object({
  items: z.array(z.object({ key: onboardingItemKey, done: z.boolean() })),
  complete: z.boolean(),
});
export type OnboardingResponse = z.infer<typeof onboardingResponse>;
