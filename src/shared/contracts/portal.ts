import { z } from "zod";
import { language, uuid } from "./common.js";
import { invoiceDetail, invoiceSummary } from "./invoices.js";

export const slugParams = z.object({ slug: z.string().min(1).max(60) });
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
  org: portalBranding.extend({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
  }),
});
export type PortalMe = z.infer<typeof portalMe>;

export const portalInvoiceSummary = invoiceSummary.omit({ customerId: true, customerName: true });
export type PortalInvoiceSummary = z.infer<typeof portalInvoiceSummary>;
export const portalInvoiceDetail = invoiceDetail
  .omit({ customerId: true, customerName: true, sentAt: true, viewedAt: true })
  .extend({
    canPay: z.boolean(),
    bankTransfer: z
      .object({ iban: z.string(), bic: z.string().nullable(), beneficiary: z.string() })
      .nullable(),
  });
export type PortalInvoiceDetail = z.infer<typeof portalInvoiceDetail>;

export const payBody = z.object({
  /** Generated once per click intent by the web app; a repeated key returns the same checkout. */
  idempotencyKey: z.string().min(8).max(100),
});
export const payResult = z.object({ checkoutUrl: z.string() });
