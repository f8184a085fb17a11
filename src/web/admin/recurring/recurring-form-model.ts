import type { TFunction } from "i18next";
import type { Tax } from "../../../shared/contracts/index.js";
import type { RecurringProfileBody, RecurringProfileDetail } from "../../../shared/contracts/recurring.js";
import type {
  RecurringEnd,
  RecurringFrequency,
  RecurringMode,
} from "../../../shared/contracts/recurring-values.js";
import { minorToDecimalString } from "../../../shared/money/index.js";
import { scaledToInput } from "../../ui/decimal.js";
import {
  type DocumentFormValues,
  documentToBody,
  emptyDocumentValues,
  validateDocument,
} from "../documents/document-form-model.js";
import { apiFieldToFormField, defaultTaxIds, newLine } from "../documents/lines-form-model.js";

/**
 * A recurring profile's form: the document header and lines every editor shares (the issue date is the
 * profile's first date), plus its schedule, end, terms and mode. Pure, tested without a browser.
 */
export interface RecurringFormValues extends DocumentFormValues {
  name: string;
  frequency: RecurringFrequency;
  endKind: RecurringEnd;
  endAfterCount: string;
  endOnDate: string;
  paymentTermsDays: string;
  mode: RecurringMode;
}

export function emptyRecurringValues(
  currency: string,
  taxes: Tax[],
  customerId: string | null,
): RecurringFormValues {
  return {
    ...emptyDocumentValues(currency, taxes, customerId),
    name: "",
    frequency: "monthly",
    endKind: "never",
    endAfterCount: "",
    endOnDate: "",
    paymentTermsDays: "",
    mode: "send",
  };
}

export function profileToValues(
  p: RecurringProfileDetail,
  taxes: Tax[],
  decimalMark: "," | ".",
): RecurringFormValues {
  return {
    customerId: p.customerId,
    issueDate: p.startDate,
    currency: p.currency,
    notes: p.notes ?? "",
    terms: p.terms ?? "",
    lines: p.lines.map((line) => ({
      ...newLine(line.taxIds ?? defaultTaxIds(taxes)),
      description: line.description,
      quantity: scaledToInput(line.quantityMilli, 3, decimalMark),
      unitPrice: minorToDecimalString(line.unitPriceMinor, p.currency).replace(".", decimalMark),
      discount: line.discountBp ? scaledToInput(line.discountBp, 2, decimalMark) : "",
    })),
    name: p.name,
    frequency: p.frequency,
    endKind: p.endKind,
    endAfterCount: p.endAfterCount === null ? "" : String(p.endAfterCount),
    endOnDate: p.endOnDate ?? "",
    paymentTermsDays: String(p.paymentTermsDays),
    mode: p.mode,
  };
}

const wholeNumber = (s: string, min: number, max: number) =>
  /^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max;

export function validateRecurring(t: TFunction, v: RecurringFormValues): Record<string, string> {
  const errors = validateDocument(t, v);
  if (!v.name.trim()) errors.name = t("errors.required");
  if (v.endKind === "after_count" && !wholeNumber(v.endAfterCount, 1, 1000))
    errors.endAfterCount = t("errors.invalidNumber");
  if (v.endKind === "on_date" && !v.endOnDate) errors.endOnDate = t("errors.required");
  if (v.paymentTermsDays.trim() !== "" && !wholeNumber(v.paymentTermsDays, 0, 3650))
    errors.paymentTermsDays = t("errors.invalidNumber");
  return errors;
}

/** The request body; call only after `validateRecurring` found nothing. Empty terms: the customer's. */
export function recurringToBody(v: RecurringFormValues): RecurringProfileBody {
  const { issueDate, ...doc } = documentToBody(v);
  return {
    ...doc,
    customerId: doc.customerId,
    name: v.name.trim(),
    startDate: issueDate,
    frequency: v.frequency,
    endKind: v.endKind,
    endAfterCount: v.endKind === "after_count" ? Number(v.endAfterCount) : null,
    endOnDate: v.endKind === "on_date" ? v.endOnDate : null,
    ...(v.paymentTermsDays.trim() === "" ? {} : { paymentTermsDays: Number(v.paymentTermsDays) }),
    mode: v.mode,
  };
}

/** An API field's path as this form names it (the start date is the editor's issue date). */
export function recurringFieldOf(path: string): string {
  return path === "startDate" ? "issueDate" : apiFieldToFormField(path);
}
