import { z } from "zod";
import type { FieldErrorCode } from "../field-error-codes.js";
import { currencyCode, isoDate, optionalText, requiredText, searchQuery, text, uuid } from "./common.js";
import { documentAmounts, documentTexts, invoiceLine, invoiceLineInput } from "./invoices.js";
import { currencyFilter, dateRangeShape, listPage, listQuery, totalsQuery } from "./list-page.js";
import { QUOTE_STATUSES } from "./statuses.js";

export const quoteStatus = z.enum(QUOTE_STATUSES);
export type QuoteStatus = z.infer<typeof quoteStatus>;

/** Lines are priced exactly like invoice lines (integers: quantity × 1000, minor units, percent × 100). */
export const quoteDraftBody = z.object({
  customerId: uuid,
  issueDate: isoDate.optional(),
  /** Omitted: 30 days after the issue date; null: the quote does not expire. */
  expiryDate: isoDate.nullish(),
  currency: currencyCode.optional(),
  notes: optionalText(5000),
  terms: optionalText(5000),
  /** The contact must draw a signature to accept (E4, G2). */
  requireSignature: z.boolean().default(false),
  lines: z.array(invoiceLineInput).max(500),
});
export type QuoteDraftBody = z.input<typeof quoteDraftBody>;

export const quoteSummary = z.object({
  id: uuid,
  rootId: uuid,
  /** The series number shared by every revision ("P2026-0003"); null while revision 1 is a draft. */
  number: z.string().nullable(),
  revision: z.number().int(),
  /** The number as printed: "P2026-0003", then "P2026-0003-R2" for revision 2. */
  displayNumber: z.string().nullable(),
  status: quoteStatus,
  customerId: uuid,
  customerName: z.string(),
  issueDate: z.string(),
  expiryDate: z.string().nullable(),
  currency: z.string(),
  totalMinor: z.number().int(),
  requireSignature: z.boolean(),
});
export type QuoteSummary = z.infer<typeof quoteSummary>;

export const quoteVersion = z.object({
  id: uuid,
  revision: z.number().int(),
  displayNumber: z.string().nullable(),
  status: quoteStatus,
  totalMinor: z.number().int(),
  sentAt: z.string().nullable(),
});
export type QuoteVersion = z.infer<typeof quoteVersion>;

export const quoteAcceptanceEvidence = z.object({
  signerName: z.string(),
  signerEmail: z.string(),
  acceptedAt: z.string(),
  ip: z.string(),
  userAgent: z.string().nullable(),
  hasSignature: z.boolean(),
  /** How the contact signed (issue 10): drawn on screen, typed, or null when no signature was given. */
  signatureKind: z.enum(["drawn", "typed"]).nullable(),
  /** The typed signature, when typed. */
  signatureText: z.string().nullable(),
  documentHash: z.string(),
});
export type QuoteAcceptanceEvidence = z.infer<typeof quoteAcceptanceEvidence>;

export const quoteDetail = quoteSummary.extend({
  ...documentTexts,
  ...documentAmounts,
  lines: z.array(invoiceLine),
  sentAt: z.string().nullable(),
  viewedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  invoiceId: uuid.nullable(),
  /** Every revision of this quote, oldest first, this one included. */
  versions: z.array(quoteVersion),
  /** The newest sent revision (or this one); where a superseded revision points its reader. */
  latestId: uuid,
  acceptance: quoteAcceptanceEvidence.nullable(),
});
export type QuoteDetail = z.infer<typeof quoteDetail>;

export const quoteListSort = z.enum(["date", "number", "customer", "amount", "status"]);
export type QuoteListSort = z.infer<typeof quoteListSort>;
export const quoteListFilters = {
  status: quoteStatus.optional(),
  customerId: uuid.optional(),
  q: searchQuery,
  /** The issue date, both included. */
  ...dateRangeShape,
  currency: currencyFilter,
};
export const quoteListQuery = listQuery(quoteListFilters, quoteListSort);
export type QuoteListQuery = z.output<typeof quoteListQuery>;
export const quoteTotalsQuery = totalsQuery(quoteListFilters);
export type QuoteTotalsQuery = z.output<typeof quoteTotalsQuery>;
export const quotePage = listPage(quoteSummary);
export type QuotePage = z.infer<typeof quotePage>;

export const sendQuoteBody = z.object({
  /** Defaults to every contact of the customer with an email and portal access. */
  contactIds: z.array(uuid).max(20).optional(),
  /** Sending a draft numbers it with its own date, or these (see `issueDateBody`). */
  issueDate: isoDate.optional(),
  useToday: z.boolean().optional(),
});
export const sendQuoteResult = z.object({
  quote: quoteDetail,
  recipients: z.array(z.object({ contactId: uuid, email: z.string() })),
  deliveryMode: z.enum(["pdf", "link", "both"]),
});

export const convertQuoteResult = z.object({ invoiceId: uuid, quote: quoteDetail });
/** What an accepted quote becomes: a draft invoice (the default) or a draft sales order (A7). */
export const convertQuoteBody = z
  .object({ target: z.enum(["invoice", "sales_order"]).default("invoice") })
  .default({ target: "invoice" });
export const convertQuoteToSalesOrderResult = z.object({ salesOrderId: uuid, quote: quoteDetail });

export const verifyEvidenceResult = z.object({
  intact: z.boolean(),
  storedHash: z.string(),
  currentHash: z.string(),
});

// Portal

export const portalQuoteFilter = z.enum(["open", "accepted", "declined", "expired", "invoiced"]);
export type PortalQuoteFilter = z.infer<typeof portalQuoteFilter>;
export const portalQuoteListQuery = z.object({
  status: portalQuoteFilter.optional(),
  /** Searches the number and the lines' descriptions, notes and terms. */
  q: searchQuery,
});

export const portalQuoteSummary = quoteSummary.omit({ customerId: true, customerName: true });
export type PortalQuoteSummary = z.infer<typeof portalQuoteSummary>;

export const portalQuoteDetail = quoteDetail
  .omit({ customerId: true, customerName: true, acceptance: true, invoiceId: true })
  .extend({
    /** SHA-256 of the quote exactly as shown; sent back on accept so a stale page is refused. */
    documentHash: z.string(),
    canAnswer: z.boolean(),
    acceptance: z
      .object({
        signerName: z.string(),
        acceptedAt: z.string(),
        hasSignature: z.boolean(),
        signatureKind: z.enum(["drawn", "typed"]).nullable(),
        signatureText: z.string().nullable(),
      })
      .nullable(),
  });
export type PortalQuoteDetail = z.infer<typeof portalQuoteDetail>;

export const SIGNATURE_TEXT_MAX = 200;

export const acceptQuoteBody = z
  .object({
    signerName: requiredText(200),
    /** "drawn" (the default): signatureImage; "typed": signatureText, for keyboard and screen-reader users. */
    signatureType: z.enum(["drawn", "typed"]).optional(),
    /** A data URL of a PNG drawn on screen; required when the quote requires a signature. */
    signatureImage: z.string().max(1_000_000).optional(),
    /** The signature typed as text (usually the signer's name); trimmed, never blank. */
    signatureText: text(SIGNATURE_TEXT_MAX)
      .transform((v) => v.trim())
      .optional(),
    documentHash: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in hex"),
  })
  .superRefine((b, issue) => {
    if (b.signatureType === "typed") {
      if (!b.signatureText)
        issue.addIssue({
          code: "custom",
          path: ["signatureText"],
          message: "required",
          params: { code: "required" satisfies FieldErrorCode },
        });
      if (b.signatureImage !== undefined)
        issue.addIssue({
          code: "custom",
          path: ["signatureImage"],
          message: "not with a typed signature",
          params: { code: "not_allowed" satisfies FieldErrorCode },
        });
    } else if (b.signatureText !== undefined) {
      issue.addIssue({
        code: "custom",
        path: ["signatureText"],
        message: "only with a typed signature",
        params: { code: "not_allowed" satisfies FieldErrorCode },
      });
    }
  });
export type AcceptQuoteBody = z.infer<typeof acceptQuoteBody>;

export const declineQuoteBody = z.object({ reason: requiredText(2000) });
