import type {
  InvoiceDetail,
  RectificationInput,
  RectificationMethod,
} from "../../../shared/contracts/index.js";

/** A Spanish rectifying invoice's fields in the credit-note form (decision 051). */
export interface RectificationFormValues {
  type: string | null;
  method: RectificationMethod;
  reason: string;
  invoiceIds: string[];
}

export const emptyRectification = (correctsId: string | null): RectificationFormValues => ({
  type: null,
  method: "difference",
  reason: "",
  invoiceIds: correctsId ? [correctsId] : [],
});

/** The fields of a saved draft: its rectification, or an empty one naming its corrected invoice. */
export function rectificationToValues(
  invoice: Pick<InvoiceDetail, "rectification" | "correctsInvoiceId">,
): RectificationFormValues {
  const r = invoice.rectification;
  if (!r) return emptyRectification(invoice.correctsInvoiceId);
  return {
    type: r.type,
    method: r.method,
    reason: r.reason,
    invoiceIds: r.rectified.map((x) => x.invoiceId),
  };
}

/**
 * The lines a substitution's form edits: the saved lines after the copies of the rectified invoice's,
 * with their quantities negated back (the server stores the corrected lines as charges).
 */
export function editableLinesOf<L extends { quantityMilli: number }>(invoice: {
  lines: L[];
  rectification: InvoiceDetail["rectification"];
}): L[] {
  const r = invoice.rectification;
  if (r?.method !== "substitution") return invoice.lines;
  return invoice.lines.slice(r.copiedLineCount).map((l) => ({ ...l, quantityMilli: -l.quantityMilli }));
}

export function rectificationToBody(values: RectificationFormValues): RectificationInput {
  return {
    // An empty type goes as null: the server answers "required" on the field.
    type: (values.type || null) as RectificationInput["type"],
    method: values.method,
    reason: values.reason,
    invoiceIds: values.invoiceIds,
  };
}
