import { Card, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormActions } from "../../ui/form-actions.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { useCustomers } from "../customers/customers-api.js";
import { InvoiceLinesEditor, LiveTotalsTable } from "../invoices/invoice-lines-editor.js";
import { PageHeader } from "../layout/page-header.js";
import type { DocumentFormValues } from "./document-form-model.js";
import type { DraftEditorProps } from "./draft-pages.js";
import { apiFieldToFormField } from "./lines-form-model.js";
import type { DocumentForm } from "./use-document-form.js";

interface DocumentEditorProps<V extends DocumentFormValues, B> {
  /** The kind's editor props: title, saving and its error, cancel. */
  draft: Pick<DraftEditorProps<V, B>, "title" | "save" | "isSaving" | "error" | "onCancel">;
  editor: DocumentForm<V>;
  /** The header's fields, in the kind's order (`CustomerField`, `IssueDateField`, `CurrencyField` and its own). */
  fields: ReactNode;
  /** How many header fields fit a wide row. */
  columns: 3 | 4;
  toBody: (values: V) => B;
  /** An API field's path as the form names it; defaults to the lines' own names. */
  formFieldOf?: (path: string) => string;
  /** Between the header and the lines (a credit note's corrected invoice). */
  beforeLines?: ReactNode;
  /** Below the notes and terms (a quote's signature, an invoice's partial payments). */
  options?: ReactNode;
  /** The save button's text when it saves something else than a draft (a recurring profile). */
  saveLabel?: string;
}

/**
 * The draft editor of every document kind: header fields, the lines with live totals, notes and terms,
 * the kind's options, and saving with the API's field errors placed on the fields.
 */
export function DocumentEditor<V extends DocumentFormValues, B>(props: DocumentEditorProps<V, B>) {
  const { t } = useTranslation();
  const { form, totals, taxes } = props.editor;
  const { draft } = props;
  const submit = form.onSubmit((values) =>
    draft.save(props.toBody(values), {
      onError: (error) => applyProblemToForm(form, error, props.formFieldOf ?? apiFieldToFormField),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={draft.title} />
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: props.columns }}>{props.fields}</SimpleGrid>
        </Card>
        {props.beforeLines}
        <InvoiceLinesEditor form={form} taxes={taxes} totals={totals} />
        <LiveTotalsTable totals={totals} currency={form.values.currency} taxes={taxes} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t("invoice.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
          <Textarea label={t("invoice.terms")} autosize minRows={2} {...form.getInputProps("terms")} />
        </SimpleGrid>
        {props.options}
        <FormActions
          error={draft.error}
          pending={draft.isSaving}
          label={props.saveLabel ?? t("admin.editor.saveDraft")}
          onCancel={draft.onCancel}
        />
      </Stack>
    </form>
  );
}

export function CustomerField<V extends DocumentFormValues>({
  editor,
  label,
}: {
  editor: DocumentForm<V>;
  label: string;
}) {
  const { t } = useTranslation();
  const customers = useCustomers("");
  return (
    <Select
      label={label}
      placeholder={t("admin.editor.selectCustomer")}
      data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      searchable
      required
      nothingFoundMessage={t("admin.editor.noCustomers")}
      {...editor.form.getInputProps("customerId")}
      onChange={(value) => void editor.chooseCustomer(value)}
    />
  );
}

export function IssueDateField<V extends DocumentFormValues>({
  editor,
  label,
}: {
  editor: DocumentForm<V>;
  label: string;
}) {
  return <TextInput type="date" label={label} required {...editor.form.getInputProps("issueDate")} />;
}

export function CurrencyField<V extends DocumentFormValues>({ editor }: { editor: DocumentForm<V> }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("admin.customers.currency")}
      data={editor.currencies}
      searchable
      allowDeselect={false}
      {...editor.form.getInputProps("currency")}
    />
  );
}
