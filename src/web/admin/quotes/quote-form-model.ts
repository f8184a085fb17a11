import type { QuoteDetail, QuoteDraftBody, Tax } from "../../../shared/contracts/index.js";
import {
  type DocumentFormValues,
  documentToBody,
  documentToValues,
  emptyDocumentValues,
} from "../documents/document-form-model.js";
import { addDays } from "../documents/lines-form-model.js";

/** The server's default validity when a new quote is opened (it is shown, and may be cleared). */
const DEFAULT_VALIDITY_DAYS = 30;

export interface QuoteFormValues extends DocumentFormValues {
  /** Empty: the quote does not expire. */
  expiryDate: string;
  requireSignature: boolean;
}

export function emptyQuoteValues(currency: string, taxes: Tax[], customerId: string | null): QuoteFormValues {
  const header = emptyDocumentValues(currency, taxes, customerId);
  return {
    ...header,
    expiryDate: addDays(header.issueDate, DEFAULT_VALIDITY_DAYS),
    requireSignature: false,
  };
}

export function quoteToValues(quote: QuoteDetail, decimalMark: "," | "."): QuoteFormValues {
  return {
    ...documentToValues(quote, decimalMark),
    expiryDate: quote.expiryDate?.slice(0, 10) ?? "",
    requireSignature: quote.requireSignature,
  };
}

/** The request body; call only after `validateDocument` found nothing. */
export function quoteValuesToBody(values: QuoteFormValues): QuoteDraftBody {
  return {
    ...documentToBody(values),
    expiryDate: values.expiryDate || null,
    requireSignature: values.requireSignature,
  };
}
