import { Button, Card, Group, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { QuoteDraftBody, Tax } from "../../../shared/contracts/index.js";
import { SUPPORTED_CURRENCIES } from "../../../shared/money/index.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { fetchCustomer, useCustomers } from "../customers/customers-api.js";
import { apiFieldToFormField, computeLiveTotals } from "../invoices/invoice-form-model.js";
import { InvoiceLinesEditor, LiveTotalsTable } from "../invoices/invoice-lines-editor.js";
import { PageHeader } from "../layout/page-header.js";
import { queryKeys } from "../query-keys.js";
import { type QuoteFormValues, quoteValuesToBody, validateQuote } from "./quote-form-model.js";

interface Props {
  title: string;
  initialValues: QuoteFormValues;
  taxes: Tax[];
  save: (body: QuoteDraftBody, callbacks: { onError: (error: unknown) => void }) => void;
  isSaving: boolean;
  error: unknown;
  onCancel: () => void;
  /** New quote opened for a given customer: take their currency at once. */
  applyCustomerDefaults?: boolean;
}

/** The draft quote form: the invoice editor's lines and live totals, with expiry and signature options. */
export function QuoteEditor(props: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const customers = useCustomers("");
  const form = useForm<QuoteFormValues>({
    mode: "controlled",
    initialValues: props.initialValues,
    validate: (values) => validateQuote(t, values),
  });
  const totals = computeLiveTotals(form.values, props.taxes);
  const currencies: string[] = SUPPORTED_CURRENCIES.includes(form.values.currency as never)
    ? [...SUPPORTED_CURRENCIES]
    : [form.values.currency, ...SUPPORTED_CURRENCIES];

  const chooseCustomer = async (customerId: string | null) => {
    form.setFieldValue("customerId", customerId);
    if (!customerId) return;
    try {
      const customer = await client.fetchQuery({
        queryKey: queryKeys.customer(customerId),
        queryFn: ({ signal }) => fetchCustomer(customerId, signal),
      });
      form.setFieldValue("currency", customer.currency);
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
    props.save(quoteValuesToBody(values), {
      onError: (error) => applyProblemToForm(form, error, apiFieldToFormField),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={props.title} />
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label={t("quotes.field.customer")}
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
              label={t("quotes.field.issueDate")}
              required
              {...form.getInputProps("issueDate")}
            />
            <TextInput
              type="date"
              label={t("quotes.field.expiryDate")}
              description={t("quotes.editor.expiryHelp")}
              {...form.getInputProps("expiryDate")}
            />
            <Select
              label={t("admin.customers.currency")}
              data={currencies}
              searchable
              allowDeselect={false}
              {...form.getInputProps("currency")}
            />
          </SimpleGrid>
        </Card>
        <InvoiceLinesEditor form={form} taxes={props.taxes} totals={totals} />
        <LiveTotalsTable totals={totals} currency={form.values.currency} taxes={props.taxes} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t("invoice.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
          <Textarea label={t("invoice.terms")} autosize minRows={2} {...form.getInputProps("terms")} />
        </SimpleGrid>
        <Switch
          label={t("quotes.editor.requireSignature")}
          description={t("quotes.editor.requireSignatureHelp")}
          {...form.getInputProps("requireSignature", { type: "checkbox" })}
        />
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
