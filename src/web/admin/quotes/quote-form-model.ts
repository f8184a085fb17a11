import type { TFunction } from "i18next";
import type { QuoteDetail, QuoteDraftBody, Tax } from "../../../shared/contracts/index.js";
import {
  addDays,
  defaultTaxIds,
  type LinesFormValues,
  linesToBody,
  linesToValues,
  newLine,
  todayIso,
  validateLines,
} from "../invoices/invoice-form-model.js";

/** The server's default validity when a new quote is opened (it is shown, and may be cleared). */
const DEFAULT_VALIDITY_DAYS = 30;

export interface QuoteFormValues extends LinesFormValues {
  customerId: string | null;
  issueDate: string;
  /** Empty: the quote does not expire. */
  expiryDate: string;
  notes: string;
  terms: string;
  requireSignature: boolean;
}

export function emptyQuoteValues(currency: string, taxes: Tax[], customerId: string | null): QuoteFormValues {
  const issueDate = todayIso();
  return {
    customerId,
    issueDate,
    expiryDate: addDays(issueDate, DEFAULT_VALIDITY_DAYS),
    currency,
    notes: "",
    terms: "",
    requireSignature: false,
    lines: [newLine(defaultTaxIds(taxes))],
  };
}

export function quoteToValues(quote: QuoteDetail, decimalMark: "," | "."): QuoteFormValues {
  return {
    customerId: quote.customerId,
    issueDate: quote.issueDate.slice(0, 10),
    expiryDate: quote.expiryDate?.slice(0, 10) ?? "",
    currency: quote.currency,
    notes: quote.notes ?? "",
    terms: quote.terms ?? "",
    requireSignature: quote.requireSignature,
    lines: linesToValues(quote.lines, quote.currency, decimalMark),
  };
}

export function validateQuote(t: TFunction, values: QuoteFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.customerId) errors.customerId = t("errors.required");
  if (!values.issueDate) errors.issueDate = t("errors.required");
  return { ...errors, ...validateLines(t, values) };
}

/** The request body; call only after `validateQuote` found nothing. */
export function quoteValuesToBody(values: QuoteFormValues): QuoteDraftBody {
  return {
    customerId: values.customerId ?? "",
    issueDate: values.issueDate,
    expiryDate: values.expiryDate || null,
    currency: values.currency,
    notes: values.notes.trim() || null,
    terms: values.terms.trim() || null,
    requireSignature: values.requireSignature,
    lines: linesToBody(values),
  };
}
