import { Switch, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { QuoteDraftBody } from "../../../shared/contracts/index.js";
import {
  CurrencyField,
  CustomerField,
  DocumentEditor,
  IssueDateField,
} from "../documents/document-editor.js";
import { validateDocument } from "../documents/document-form-model.js";
import type { DraftEditorProps } from "../documents/draft-pages.js";
import { useDocumentForm } from "../documents/use-document-form.js";
import { type QuoteFormValues, quoteValuesToBody } from "./quote-form-model.js";

/** The draft quote form: the document editor with an expiry date and the signature option. */
export function QuoteEditor(props: DraftEditorProps<QuoteFormValues, QuoteDraftBody>) {
  const { t } = useTranslation();
  const editor = useDocumentForm<QuoteFormValues>({
    initialValues: props.initialValues,
    validate: (values) => validateDocument(t, values),
    taxes: props.taxes,
    applyCustomerDefaults: props.applyCustomerDefaults,
  });
  const { form } = editor;

  return (
    <DocumentEditor
      draft={props}
      editor={editor}
      columns={4}
      fields={
        <>
          <CustomerField editor={editor} label={t("quotes.field.customer")} />
          <IssueDateField editor={editor} label={t("quotes.field.issueDate")} />
          <TextInput
            type="date"
            label={t("quotes.field.expiryDate")}
            description={t("quotes.editor.expiryHelp")}
            {...form.getInputProps("expiryDate")}
          />
          <CurrencyField editor={editor} />
        </>
      }
      options={
        <Switch
          label={t("quotes.editor.requireSignature")}
          description={t("quotes.editor.requireSignatureHelp")}
          {...form.getInputProps("requireSignature", { type: "checkbox" })}
        />
      }
      toBody={quoteValuesToBody}
    />
  );
}
