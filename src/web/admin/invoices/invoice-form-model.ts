import type { InvoiceDetail, InvoiceDraftBody, Tax } from "../../../shared/contracts/index.js";
import {
  type DocumentFormValues,
  documentToBody,
  documentToValues,
  emptyDocumentValues,
} from "../documents/document-form-model.js";
import type { RectificationFormValues } from "./rectification-form-model.js";

export interface InvoiceFormValues extends DocumentFormValues {
  dueDate: string;
  allowPartialPayments: boolean;
  /** A credit note's corrected invoice (A8); other kinds leave it unset. */
  correctsInvoiceId?: string | null;
  /** A Spanish organisation's credit note: its rectification (decision 051); other kinds leave it unset. */
  rectification?: RectificationFormValues | null;
}

export function emptyInvoiceValues(
  currency: string,
  taxes: Tax[],
  customerId: string | null,
): InvoiceFormValues {
  return { ...emptyDocumentValues(currency, taxes, customerId), dueDate: "", allowPartialPayments: false };
}

/** Also fills the form from a sales order (A7), whose delivery date takes the due date's place. */
export function invoiceToValues(
  invoice: Pick<
    InvoiceDetail,
    "customerId" | "issueDate" | "dueDate" | "currency" | "notes" | "terms" | "allowPartialPayments" | "lines"
  >,
  decimalMark: "," | ".",
): InvoiceFormValues {
  return {
    ...documentToValues(invoice, decimalMark),
    dueDate: invoice.dueDate?.slice(0, 10) ?? "",
    allowPartialPayments: invoice.allowPartialPayments,
  };
}

/** The request body; call only after `validateDocument` found nothing. */
export function valuesToBody(values: InvoiceFormValues): InvoiceDraftBody {
  return {
    ...documentToBody(values),
    dueDate: values.dueDate || null,
    allowPartialPayments: values.allowPartialPayments,
  };
}
