import { Alert, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { SalesOrderDetail, SalesOrderDraftBody, Tax } from "../../../shared/contracts/index.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import {
  CurrencyField,
  CustomerField,
  DocumentEditor,
  IssueDateField,
} from "../documents/document-editor.js";
import { validateDocument } from "../documents/document-form-model.js";
import { type DraftEditorProps, useSaveDraft, WithDraft, WithTaxes } from "../documents/draft-pages.js";
import { useDocumentForm } from "../documents/use-document-form.js";
import { useMe } from "../session.js";
import {
  emptySalesOrderValues,
  type SalesOrderFormValues,
  salesOrderToValues,
  salesOrderValuesToBody,
} from "./sales-order-form-model.js";
import { useCreateSalesOrder, useSalesOrder, useUpdateSalesOrder } from "./sales-orders-api.js";

/** The draft sales order form: the document editor with the customer's reference and a delivery date. */
function SalesOrderEditor(props: DraftEditorProps<SalesOrderFormValues, SalesOrderDraftBody>) {
  const { t } = useTranslation();
  const editor = useDocumentForm<SalesOrderFormValues>({
    initialValues: props.initialValues,
    validate: (values) => validateDocument(t, values),
    taxes: props.taxes,
  });
  const { form } = editor;

  return (
    <DocumentEditor
      draft={props}
      editor={editor}
      columns={3}
      fields={
        <>
          <CustomerField editor={editor} label={t("salesOrders.customer")} />
          <TextInput
            label={t("salesOrders.reference")}
            maxLength={200}
            {...form.getInputProps("reference")}
          />
          <IssueDateField editor={editor} label={t("salesOrders.issueDate")} />
          <TextInput
            type="date"
            label={t("salesOrders.deliveryDate")}
            {...form.getInputProps("deliveryDate")}
          />
          <CurrencyField editor={editor} />
        </>
      }
      toBody={salesOrderValuesToBody}
    />
  );
}

export function NewSalesOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const create = useCreateSalesOrder();
  const save = useSaveDraft(create, t("salesOrders.actions.saved"), "/sales-orders");
  return (
    <WithTaxes>
      {(taxes) => (
        <SalesOrderEditor
          title={t("salesOrders.new")}
          initialValues={emptySalesOrderValues(
            me.data?.org.baseCurrency ?? "EUR",
            taxes,
            params.get("customerId"),
          )}
          taxes={taxes}
          save={save}
          isSaving={create.isPending}
          error={create.error}
          onCancel={() => navigate("/sales-orders")}
        />
      )}
    </WithTaxes>
  );
}

export function EditSalesOrderPage() {
  const { id = "" } = useParams();
  const order = useSalesOrder(id);
  return <WithDraft draft={order}>{(data, taxes) => <EditForm order={data} taxes={taxes} />}</WithDraft>;
}

function EditForm({ order, taxes }: { order: SalesOrderDetail; taxes: Tax[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateSalesOrder(order.id);
  const save = useSaveDraft(update, t("salesOrders.actions.saved"), "/sales-orders");
  if (order.status !== "draft") return <Alert color="yellow">{t("salesOrders.notDraft")}</Alert>;
  return (
    <SalesOrderEditor
      title={t("salesOrders.edit")}
      initialValues={salesOrderToValues(order, decimalMarkOf(i18n.language))}
      taxes={taxes}
      save={save}
      isSaving={update.isPending}
      error={update.error}
      onCancel={() => navigate(`/sales-orders/${order.id}`)}
    />
  );
}
