import type { SalesOrderDetail, SalesOrderDraftBody, Tax } from "../../../shared/contracts/index.js";
import {
  type DocumentFormValues,
  documentToBody,
  documentToValues,
  emptyDocumentValues,
} from "../documents/document-form-model.js";

export interface SalesOrderFormValues extends DocumentFormValues {
  /** Empty: no delivery date agreed yet. */
  deliveryDate: string;
  /** The customer's own order reference (their PO number). */
  reference: string;
}

export function emptySalesOrderValues(
  currency: string,
  taxes: Tax[],
  customerId: string | null,
): SalesOrderFormValues {
  return { ...emptyDocumentValues(currency, taxes, customerId), deliveryDate: "", reference: "" };
}

export function salesOrderToValues(order: SalesOrderDetail, decimalMark: "," | "."): SalesOrderFormValues {
  return {
    ...documentToValues(order, decimalMark),
    deliveryDate: order.deliveryDate?.slice(0, 10) ?? "",
    reference: order.reference ?? "",
  };
}

/** The request body; call only after `validateDocument` found nothing. */
export function salesOrderValuesToBody(values: SalesOrderFormValues): SalesOrderDraftBody {
  return {
    ...documentToBody(values),
    deliveryDate: values.deliveryDate || null,
    reference: values.reference.trim() || null,
  };
}
