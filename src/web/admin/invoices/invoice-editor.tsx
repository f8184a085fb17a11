import { Checkbox, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { InvoiceDraftBody, InvoiceKind } from "../../../shared/contracts/index.js";
import {
  CurrencyField,
  CustomerField,
  DocumentEditor,
  IssueDateField,
} from "../documents/document-editor.js";
import { validateDocument } from "../documents/document-form-model.js";
import type { DraftEditorProps } from "../documents/draft-pages.js";
import { addDays } from "../documents/lines-form-model.js";
import { useDocumentForm } from "../documents/use-document-form.js";
import { useOrganisation } from "../settings/organisation-api.js";
import { CorrectedInvoiceSelect } from "./corrected-invoice-select.js";
import { type InvoiceFormValues, valuesToBody } from "./invoice-form-model.js";
import { RectificationFields } from "./rectification-fields.js";
import { emptyRectification, rectificationToBody } from "./rectification-form-model.js";

interface Props extends DraftEditorProps<InvoiceFormValues, InvoiceDraftBody> {
  /** Fixed once the draft exists; a credit note also names the invoice it corrects. */
  kind: InvoiceKind;
}

export function InvoiceEditor(props: Props) {
  const { t } = useTranslation();
  const editor = useDocumentForm<InvoiceFormValues>({
    initialValues: props.initialValues,
    validate: (values) => validateDocument(t, values),
    taxes: props.taxes,
    applyCustomerDefaults: props.applyCustomerDefaults,
    // The corrected invoice belongs to the customer: another customer clears it.
    onCustomerChange: (form, customerId) => {
      if (customerId !== form.values.customerId) {
        form.setFieldValue("correctsInvoiceId", null);
        if (form.values.rectification) form.setFieldValue("rectification.invoiceIds", []);
      }
    },
    // A customer brings their payment terms too; a due date typed by hand is kept.
    onCustomerLoaded: (form, customer) => {
      if (!form.isDirty("dueDate") && form.values.issueDate) {
        form.setFieldValue("dueDate", addDays(form.values.issueDate, customer.paymentTermsDays));
      }
    },
  });
  const { form } = editor;
  const isCredit = props.kind === "credit_note";
  // A Spanish organisation's credit note is a rectifying invoice (decision 051).
  const organisation = useOrganisation();
  const rectifying = isCredit && organisation.data?.country === "ES";

  return (
    <DocumentEditor
      draft={props}
      editor={editor}
      columns={4}
      fields={
        <>
          <CustomerField editor={editor} label={t("invoice.customer")} />
          <IssueDateField editor={editor} label={t("invoice.issueDate")} />
          <TextInput type="date" label={t("invoice.dueDate")} {...form.getInputProps("dueDate")} />
          <CurrencyField editor={editor} />
        </>
      }
      beforeLines={
        rectifying ? (
          <RectificationFields form={form} />
        ) : isCredit && organisation.data ? (
          <CorrectedInvoiceSelect
            customerId={form.values.customerId}
            {...form.getInputProps("correctsInvoiceId")}
          />
        ) : null
      }
      options={
        isCredit ? null : (
          <Checkbox
            label={t("admin.editor.allowPartialPayments")}
            {...form.getInputProps("allowPartialPayments", { type: "checkbox" })}
          />
        )
      }
      toBody={(values) => ({
        ...valuesToBody(values),
        kind: props.kind,
        ...(rectifying
          ? {
              // The first rectified invoice becomes the corrected one on the server.
              correctsInvoiceId: null,
              rectification: rectificationToBody(values.rectification ?? emptyRectification(null)),
            }
          : { correctsInvoiceId: values.correctsInvoiceId || null }),
      })}
    />
  );
}
