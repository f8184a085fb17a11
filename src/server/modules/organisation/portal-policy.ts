import {
  DEFAULT_NOTIFICATION_PREFS,
  DEFAULT_PORTAL_OPTIONS,
  type NotificationPrefs,
  type PortalMe,
  type PortalOptionKey,
  type PortalOptions,
} from "../../../shared/contracts/index.js";
import type { organisations } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import { providerGateways } from "../../gateways/registry.js";

/**
 * The one place that decides what a portal shows and allows (C4). The API enforces it and sends the
 * result to the portal app (`/me.features`), which hides what is off; nothing else reads
 * `organisations.portal_options` directly.
 */
type OrgRow = typeof organisations.$inferSelect;

/**
 * Gateways that exist in this build (`gateways/registry.ts`; whether this server runs the sandbox and
 * the organisation enabled one is the checkout's question). PayPal also needs "Allow PayPal" (C4).
 */
const existsInBuild = (id: string) => id === "sandbox" || providerGateways().some((g) => g.id === id);

/** Stored options are partial (an option added later takes its default); the answer has every key. */
export function portalOptionsOf(org: Pick<OrgRow, "portalOptions">): PortalOptions {
  return { ...DEFAULT_PORTAL_OPTIONS, ...pickBooleans(org.portalOptions, DEFAULT_PORTAL_OPTIONS) };
}

export function notificationPrefsOf(org: Pick<OrgRow, "notificationPrefs">): NotificationPrefs {
  return {
    ...DEFAULT_NOTIFICATION_PREFS,
    ...pickBooleans(org.notificationPrefs, DEFAULT_NOTIFICATION_PREFS),
  };
}

/** Only known keys with boolean values count: a stray key in the jsonb cannot switch anything on. */
function pickBooleans<T extends Record<string, boolean>>(stored: unknown, defaults: T): Partial<T> {
  const out: Partial<T> = {};
  if (!stored || typeof stored !== "object") return out;
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const v = (stored as Record<string, unknown>)[key as string];
    if (typeof v === "boolean") out[key] = v as T[keyof T];
  }
  return out;
}

/** Whether the portal allows `action`: the option, and for PayPal also a gateway that exists. */
export function can(options: PortalOptions, action: PortalOptionKey): boolean {
  if (action === "allowPaypal") return options.allowPaypal && existsInBuild("paypal");
  return options[action];
}

/** For the routes of an optional feature: a switched-off feature answers 403 FEATURE_DISABLED. */
export function assertPortalAllows(options: PortalOptions, action: PortalOptionKey): void {
  if (!can(options, action)) throw new AppError("FEATURE_DISABLED");
}

/** Whether the portal may offer a gateway: one that exists, and for PayPal its C4 option on. */
export function gatewayAllowed(options: PortalOptions, gatewayId: string): boolean {
  if (gatewayId === "paypal") return can(options, "allowPaypal");
  return existsInBuild(gatewayId);
}

/** Each gateway a checkout may use; a gateway behind a C4 option needs it on. */
export function assertGatewayAllowed(options: PortalOptions, gatewayId: string): void {
  if (!gatewayAllowed(options, gatewayId)) throw new AppError("FEATURE_DISABLED");
}

/** The options as the portal must honour them (what `can` answers), sent as `/me.features`. */
export function effectiveFeatures(options: PortalOptions): PortalOptions {
  const out = { ...options };
  for (const key of Object.keys(out) as PortalOptionKey[]) out[key] = can(options, key);
  return out;
}

/** The organisation's contact details the portal may show (C4 showAddress, showPhones, showSocial). */
export function visibleOrgContact(
  org: OrgRow,
  options: PortalOptions,
): Pick<PortalMe["org"], "email" | "website" | "phone" | "mobile" | "address" | "socialLinks"> {
  const phones = can(options, "showPhones");
  return {
    email: org.email,
    website: org.website,
    phone: phones ? org.phone : null,
    mobile: phones ? org.mobile : null,
    address: can(options, "showAddress")
      ? {
          line1: org.addressLine1,
          line2: org.addressLine2,
          city: org.city,
          postalCode: org.postalCode,
          region: org.region,
          country: org.country,
        }
      : null,
    socialLinks: can(options, "showSocial") ? org.socialLinks : [],
  };
}

/** Transfer instructions for an invoice still due, when the organisation shows its bank account. */
export function bankTransferOf(
  org: OrgRow,
  options: PortalOptions,
  invoice: { dueMinor: number; status: string },
): { iban: string; bic: string | null; beneficiary: string } | null {
  if (!can(options, "showBankAccount") || !org.iban) return null;
  if (invoice.dueMinor <= 0 || invoice.status === "void") return null;
  return { iban: org.iban, bic: org.bic, beneficiary: org.legalName ?? org.name };
}
