import { z } from "zod";
import { language, optionalText, requiredText, text, uuid } from "./common.js";
import { customerAccountFields, customerFields } from "./customers.js";
import { invoiceDetail, invoiceSummary } from "./invoices.js";
import { portalOptions } from "./portal-options.js";

export const slugParams = z.object({ slug: text(60).min(1) });
export const slugIdParams = slugParams.extend({ id: uuid });

/** What anyone may see of a portal before signing in: its branding. */
export const portalBranding = z.object({
  name: z.string(),
  brandColor: z.string(),
  logoUrl: z.string().nullable(),
  language,
});
export type PortalBranding = z.infer<typeof portalBranding>;

export const portalMe = z.object({
  /** A staff preview (C6): the portal shows a banner and offers no action. */
  preview: z.boolean(),
  contact: z.object({
    id: uuid,
    name: z.string(),
    email: z.string().nullable(),
    language: language.nullable(),
  }),
  customer: z.object({ id: uuid, name: z.string() }),
  /** The organisation's contact details, each part only when C4 lets the portal show it (else null/[]). */
  org: portalBranding.extend({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    mobile: z.string().nullable(),
    website: z.string().nullable(),
    address: z
      .object({
        line1: z.string().nullable(),
        line2: z.string().nullable(),
        city: z.string().nullable(),
        postalCode: z.string().nullable(),
        region: z.string().nullable(),
        country: z.string(),
      })
      .nullable(),
    socialLinks: z.array(z.string()),
  }),
  /**
   * What this portal shows and allows (C4), as the server enforces it: the portal hides what is off.
   * Options of features that have not landed yet are passed through for when they do.
   */
  features: portalOptions,
});
export type PortalMe = z.infer<typeof portalMe>;

export const portalInvoiceSummary = invoiceSummary.omit({ customerId: true, customerName: true });
export type PortalInvoiceSummary = z.infer<typeof portalInvoiceSummary>;
export const portalInvoiceDetail = invoiceDetail
  .omit({ customerId: true, customerName: true, sentAt: true, viewedAt: true })
  .extend({
    canPay: z.boolean(),
    /** The gateway's smallest charge (CP4001 below it), for paying part of the invoice. */
    minimumPaymentMinor: z.number().int(),
    /** The online gateways the contact may choose among for this invoice (issue 13), in the organisation's order. */
    gateways: z.array(z.string()),
    bankTransfer: z
      .object({ iban: z.string(), bic: z.string().nullable(), beneficiary: z.string() })
      .nullable(),
  });
export type PortalInvoiceDetail = z.infer<typeof portalInvoiceDetail>;

export const payResult = z.object({ checkoutUrl: z.string() });

/** My details (E12): what the contact may read and change of its customer's account and of itself. */
export const myDetails = z.object({
  customer: z.object(customerAccountFields),
  contact: z.object({
    name: z.string(),
    /** The contact's sign-in address: shown, not changeable here (see my-details.service.ts). */
    email: z.string().nullable(),
    phone: z.string().nullable(),
    language: language.nullable(),
  }),
});
export type MyDetails = z.infer<typeof myDetails>;

/**
 * What a contact may change (E12). Not the customer's trading name, currency or payment terms (staff's
 * agreement with the customer), and not the contact's email (its sign-in address; staff change it).
 */
export const updateMyDetailsBody = z.object({
  customer: z.object({
    legalName: customerFields.legalName,
    taxId: customerFields.taxId,
    email: customerFields.email,
    phone: customerFields.phone,
    addressLine1: customerFields.addressLine1,
    addressLine2: customerFields.addressLine2,
    city: customerFields.city,
    postalCode: customerFields.postalCode,
    region: customerFields.region,
    country: customerFields.country,
  }),
  contact: z.object({
    name: requiredText(200),
    phone: optionalText(50),
    language: language.nullish().transform((v) => v ?? null),
  }),
});
export type UpdateMyDetailsBody = z.input<typeof updateMyDetailsBody>;
