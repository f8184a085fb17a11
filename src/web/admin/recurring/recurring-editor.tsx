import { Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RecurringProfileBody } from "../../../shared/contracts/recurring.js";
import {
  RECURRING_ENDS,
  RECURRING_FREQUENCIES,
  RECURRING_MODES,
} from "../../../shared/contracts/recurring-values.js";
import { CurrencyField, CustomerField, DocumentEditor } from "../documents/document-editor.js";
import type { DraftEditorProps } from "../documents/draft-pages.js";
import { useDocumentForm } from "../documents/use-document-form.js";
import {
  type RecurringFormValues,
  recurringFieldOf,
  recurringToBody,
  validateRecurring,
} from "./recurring-form-model.js";

/** The profile's form: the invoice editor's customer, currency and lines, plus its schedule and mode. */
export function RecurringEditor(props: DraftEditorProps<RecurringFormValues, RecurringProfileBody>) {
  const { t } = useTranslation();
  const editor = useDocumentForm<RecurringFormValues>({
    initialValues: props.initialValues,
    validate: (values) => validateRecurring(t, values),
    taxes: props.taxes,
    applyCustomerDefaults: props.applyCustomerDefaults,
  });
  const { form } = editor;
  const modes = RECURRING_MODES.map((value) => ({ value, label: t(`recurring.modes.${value}`) }));
  const frequencies = RECURRING_FREQUENCIES.map((value) => ({
    value,
    label: t(`recurring.frequencies.${value}`),
  }));
  const ends = RECURRING_ENDS.map((value) => ({ value, label: t(`recurring.ends.${value}`) }));

  return (
    <DocumentEditor
      draft={props}
      editor={editor}
      columns={4}
      saveLabel={t("recurring.save")}
      formFieldOf={recurringFieldOf}
      fields={
        <>
          <TextInput label={t("recurring.name")} required {...form.getInputProps("name")} />
          <CustomerField editor={editor} label={t("recurring.customer")} />
          <CurrencyField editor={editor} />
          <Select
            label={t("recurring.mode")}
            data={modes}
            allowDeselect={false}
            {...form.getInputProps("mode")}
          />
          <Select
            label={t("recurring.frequency")}
            data={frequencies}
            allowDeselect={false}
            {...form.getInputProps("frequency")}
          />
          <TextInput
            type="date"
            label={t("recurring.startDate")}
            description={t("recurring.startHint")}
            required
            {...form.getInputProps("issueDate")}
          />
          <Select
            label={t("recurring.end")}
            data={ends}
            allowDeselect={false}
            {...form.getInputProps("endKind")}
          />
          {form.values.endKind === "after_count" ? (
            <TextInput
              label={t("recurring.endAfterCount")}
              inputMode="numeric"
              required
              {...form.getInputProps("endAfterCount")}
            />
          ) : null}
          {form.values.endKind === "on_date" ? (
            <TextInput
              type="date"
              label={t("recurring.endOnDate")}
              required
              {...form.getInputProps("endOnDate")}
            />
          ) : null}
          <TextInput
            label={t("recurring.paymentTermsDays")}
            inputMode="numeric"
            {...form.getInputProps("paymentTermsDays")}
          />
        </>
      }
      toBody={recurringToBody}
    />
  );
}
