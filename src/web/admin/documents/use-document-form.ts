import { type UseFormReturnType, useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Customer, Tax } from "../../../shared/contracts/index.js";
import { queryKeys } from "../../ui/query-keys.js";
import { fetchCustomer } from "../customers/customers-api.js";
import { currencyChoices, type DocumentFormValues } from "./document-form-model.js";
import { computeLiveTotals } from "./lines-form-model.js";

export interface DocumentFormOptions<V extends DocumentFormValues> {
  initialValues: V;
  validate: (values: V) => Record<string, string>;
  taxes: Tax[];
  /** A new document opened for a given customer takes their defaults at once. */
  applyCustomerDefaults?: boolean;
  /** Before the customer changes (an invoice clears the corrected invoice of another customer). */
  onCustomerChange?: (form: UseFormReturnType<V>, customerId: string | null) => void;
  /** Once the chosen customer's details arrive, after their currency is taken (an invoice's due date). */
  onCustomerLoaded?: (form: UseFormReturnType<V>, customer: Customer) => void;
}

/**
 * The form state every document editor starts from: the values, the live totals as the server will
 * compute them, the currencies to offer, and choosing a customer (which brings their currency).
 */
export function useDocumentForm<V extends DocumentFormValues>(options: DocumentFormOptions<V>) {
  const client = useQueryClient();
  const form = useForm<V>({
    mode: "controlled",
    initialValues: options.initialValues,
    validate: options.validate,
  });
  const totals = computeLiveTotals(form.values, options.taxes);
  // The header's fields seen through their own type: TypeScript cannot resolve a path's value in a generic form.
  const header = form as unknown as UseFormReturnType<DocumentFormValues>;

  const chooseCustomer = async (customerId: string | null) => {
    options.onCustomerChange?.(form, customerId);
    header.setFieldValue("customerId", customerId);
    if (!customerId) return;
    try {
      const customer = await client.fetchQuery({
        queryKey: queryKeys.customer(customerId),
        queryFn: ({ signal }) => fetchCustomer(customerId, signal),
      });
      header.setFieldValue("currency", customer.currency);
      options.onCustomerLoaded?.(form, customer);
    } catch {
      // The list already showed the customer; without details the defaults stay.
    }
  };

  const initialCustomerId = options.applyCustomerDefaults ? options.initialValues.customerId : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once for the customer the page opened with
  useEffect(() => {
    if (initialCustomerId) void chooseCustomer(initialCustomerId);
  }, [initialCustomerId]);

  return {
    form,
    totals,
    taxes: options.taxes,
    currencies: currencyChoices(form.values.currency),
    chooseCustomer,
  };
}

export type DocumentForm<V extends DocumentFormValues> = ReturnType<typeof useDocumentForm<V>>;
