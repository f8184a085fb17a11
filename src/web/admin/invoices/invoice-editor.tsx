import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { InvoiceDraftBody, InvoiceKind, Tax } from "../../../shared/contracts/index.js";
import { SUPPORTED_CURRENCIES } from "../../../shared/money/index.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { fetchCustomer, useCustomers } from "../customers/customers-api.js";
import { PageHeader } from "../layout/page-header.js";
import { queryKeys } from "../query-keys.js";
import { CorrectedInvoiceSelect } from "./corrected-invoice-select.js";
import {
  addDays,
  apiFieldToFormField,
  computeLiveTotals,
  type InvoiceFormValues,
  validateInvoice,
  valuesToBody,
} from "./invoice-form-model.js";
import { InvoiceLinesEditor, LiveTotalsTable } from "./invoice-lines-editor.js";

interface Props {
  title: string;
  /** Fixed once the draft exists; a credit note also names the invoice it corrects. */
  kind: InvoiceKind;
  initialValues: InvoiceFormValues;
  taxes: Tax[];
  save: (body: InvoiceDraftBody, callbacks: { onError: (error: unknown) => void }) => void;
  isSaving: boolean;
  error: unknown;
  onCancel: () => void;
  /** New invoice opened for a given customer: take their currency and terms at once. */
  applyCustomerDefaults?: boolean;
}

export function InvoiceEditor(props: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const customers = useCustomers("");
  const form = useForm<InvoiceFormValues>({
    mode: "controlled",
    initialValues: props.initialValues,
    validate: (values) => validateInvoice(t, values),
  });
  const totals = computeLiveTotals(form.values, props.taxes);
  const currencies: string[] = SUPPORTED_CURRENCIES.includes(form.values.currency as never)
    ? [...SUPPORTED_CURRENCIES]
    : [form.values.currency, ...SUPPORTED_CURRENCIES];

  // A customer brings their currency and payment terms; a due date typed by hand is kept.
  const chooseCustomer = async (customerId: string | null) => {
    // The corrected invoice belongs to the customer: another customer clears it.
    if (customerId !== form.values.customerId) form.setFieldValue("correctsInvoiceId", null);
    form.setFieldValue("customerId", customerId);
    if (!customerId) return;
    try {
      const customer = await client.fetchQuery({
        queryKey: queryKeys.customer(customerId),
        queryFn: ({ signal }) => fetchCustomer(customerId, signal),
      });
      form.setFieldValue("currency", customer.currency);
      if (!form.isDirty("dueDate") && form.values.issueDate) {
        form.setFieldValue("dueDate", addDays(form.values.issueDate, customer.paymentTermsDays));
      }
    } catch {
      // The list already showed the customer; without details the defaults stay.
    }
  };

  const initialCustomerId = props.applyCustomerDefaults ? props.initialValues.customerId : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once for the customer the page opened with
  useEffect(() => {
    if (initialCustomerId) void chooseCustomer(initialCustomerId);
  }, [initialCustomerId]);

  const submit = form.onSubmit((values) =>
    props.save(
      { ...valuesToBody(values), kind: props.kind, correctsInvoiceId: values.correctsInvoiceId || null },
      {
        onError: (error) => applyProblemToForm(form, error, apiFieldToFormField),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={props.title} />
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label={t("invoice.customer")}
              placeholder={t("admin.editor.selectCustomer")}
              data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              searchable
              required
              nothingFoundMessage={t("admin.editor.noCustomers")}
              {...form.getInputProps("customerId")}
              onChange={(value) => void chooseCustomer(value)}
            />
            <TextInput
              type="date"
              label={t("invoice.issueDate")}
              required
              {...form.getInputProps("issueDate")}
            />
            <TextInput type="date" label={t("invoice.dueDate")} {...form.getInputProps("dueDate")} />
            <Select
              label={t("admin.customers.currency")}
              data={currencies}
              searchable
              allowDeselect={false}
              {...form.getInputProps("currency")}
            />
          </SimpleGrid>
        </Card>
        {props.kind === "credit_note" ? (
          <CorrectedInvoiceSelect
            customerId={form.values.customerId}
            {...form.getInputProps("correctsInvoiceId")}
          />
        ) : null}
        <InvoiceLinesEditor form={form} taxes={props.taxes} totals={totals} />
        <LiveTotalsTable totals={totals} currency={form.values.currency} taxes={props.taxes} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t("invoice.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
          <Textarea label={t("invoice.terms")} autosize minRows={2} {...form.getInputProps("terms")} />
        </SimpleGrid>
        {props.kind === "credit_note" ? null : (
          <Checkbox
            label={t("admin.editor.allowPartialPayments")}
            {...form.getInputProps("allowPartialPayments", { type: "checkbox" })}
          />
        )}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={props.isSaving}>
            {t("admin.editor.saveDraft")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
