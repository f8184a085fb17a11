import type { TFunction } from "i18next";
import type { InvoiceDetail, Tax } from "../../../shared/contracts/index.js";
import { SUPPORTED_CURRENCIES } from "../../../shared/money/index.js";
import {
  defaultTaxIds,
  type LinesFormValues,
  linesToBody,
  linesToValues,
  newLine,
  todayIso,
  validateLines,
} from "./lines-form-model.js";

/** The header every sales document's form has; a kind adds its own dates and options. */
export interface DocumentFormValues extends LinesFormValues {
  customerId: string | null;
  issueDate: string;
  notes: string;
  terms: string;
}

/** The supported currencies, with a document's own first when it is no longer one of them. */
export function currencyChoices(current: string): string[] {
  return (SUPPORTED_CURRENCIES as readonly string[]).includes(current)
    ? [...SUPPORTED_CURRENCIES]
    : [current, ...SUPPORTED_CURRENCIES];
}

/** A new document's header: dated today, one line with the default taxes. */
export function emptyDocumentValues(
  currency: string,
  taxes: Tax[],
  customerId: string | null,
): DocumentFormValues {
  return {
    customerId,
    issueDate: todayIso(),
    currency,
    notes: "",
    terms: "",
    lines: [newLine(defaultTaxIds(taxes))],
  };
}

type SavedDocument = Pick<
  InvoiceDetail,
  "customerId" | "issueDate" | "currency" | "notes" | "terms" | "lines"
>;

/** A saved draft's header and lines as form values. */
export function documentToValues(doc: SavedDocument, decimalMark: "," | "."): DocumentFormValues {
  return {
    customerId: doc.customerId,
    issueDate: doc.issueDate.slice(0, 10),
    currency: doc.currency,
    notes: doc.notes ?? "",
    terms: doc.terms ?? "",
    lines: linesToValues(doc.lines, doc.currency, decimalMark),
  };
}

export function validateDocument(t: TFunction, values: DocumentFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.customerId) errors.customerId = t("errors.required");
  if (!values.issueDate) errors.issueDate = t("errors.required");
  return { ...errors, ...validateLines(t, values) };
}

/** The header and lines of a request body; call only after `validateDocument` found nothing. */
export function documentToBody(values: DocumentFormValues) {
  return {
    customerId: values.customerId ?? "",
    issueDate: values.issueDate,
    currency: values.currency,
    notes: values.notes.trim() || null,
    terms: values.terms.trim() || null,
    lines: linesToBody(values),
  };
}
