import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { SalesOrderDetail, SalesOrderDraftBody, Tax } from "../../../shared/contracts/index.js";
import { SUPPORTED_CURRENCIES } from "../../../shared/money/index.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { TotalsTable } from "../../ui/invoice-totals.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { fetchCustomer, useCustomers } from "../customers/customers-api.js";
import {
  apiFieldToFormField,
  computeLiveTotals,
  emptyInvoiceValues,
  type InvoiceFormValues,
  invoiceToValues,
  validateInvoice,
  valuesToBody,
} from "../invoices/invoice-form-model.js";
import { InvoiceLinesEditor } from "../invoices/invoice-lines-editor.js";
import { PageHeader } from "../layout/page-header.js";
import { queryKeys } from "../query-keys.js";
import { useMe } from "../session.js";
import { useTaxes } from "../settings/taxes-api.js";
import { useCreateSalesOrder, useSalesOrder, useUpdateSalesOrder } from "./sales-orders-api.js";

/**
 * The invoice form model and line editor, reused: an order's delivery date sits in the form's due date
 * and the customer's reference beside it; lines are priced the same way.
 */
interface Props {
  title: string;
  initialValues: InvoiceFormValues;
  initialReference: string;
  taxes: Tax[];
  save: (body: SalesOrderDraftBody, callbacks: { onError: (error: unknown) => void }) => void;
  isSaving: boolean;
  error: unknown;
  onCancel: () => void;
}

function SalesOrderEditor(props: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const customers = useCustomers("");
  const [reference, setReference] = useState(props.initialReference);
  const form = useForm<InvoiceFormValues>({
    mode: "controlled",
    initialValues: props.initialValues,
    validate: (values) => validateInvoice(t, values),
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
      // Without details the defaults stay.
    }
  };

  const submit = form.onSubmit((values) => {
    const { dueDate, allowPartialPayments: _p, ...body } = valuesToBody(values);
    props.save(
      { ...body, deliveryDate: dueDate ?? null, reference: reference.trim() || null },
      {
        onError: (error) =>
          applyProblemToForm(form, error, (path) =>
            apiFieldToFormField(path).replace(/^deliveryDate$/, "dueDate"),
          ),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={props.title} />
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Select
              label={t("salesOrders.customer")}
              placeholder={t("admin.editor.selectCustomer")}
              data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              searchable
              required
              nothingFoundMessage={t("admin.editor.noCustomers")}
              {...form.getInputProps("customerId")}
              onChange={(value) => void chooseCustomer(value)}
            />
            <TextInput
              label={t("salesOrders.reference")}
              value={reference}
              maxLength={200}
              onChange={(e) => setReference(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t("salesOrders.issueDate")}
              required
              {...form.getInputProps("issueDate")}
            />
            <TextInput type="date" label={t("salesOrders.deliveryDate")} {...form.getInputProps("dueDate")} />
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
        {totals ? (
          <TotalsTable
            totals={{
              currency: form.values.currency,
              ...totals.totals,
              taxBreakdown: totals.totals.taxes.map((entry) => ({
                ...entry,
                name: props.taxes.find((tax) => tax.id === entry.taxId)?.name ?? "",
              })),
            }}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t("invoice.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
          <Textarea label={t("invoice.terms")} autosize minRows={2} {...form.getInputProps("terms")} />
        </SimpleGrid>
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

export function NewSalesOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const taxes = useTaxes();
  const create = useCreateSalesOrder();
  if (taxes.isPending) return <PageLoader />;
  if (taxes.isError) return <ErrorState error={taxes.error} onRetry={() => void taxes.refetch()} />;
  return (
    <SalesOrderEditor
      title={t("salesOrders.new")}
      initialValues={emptyInvoiceValues(
        me.data?.org.baseCurrency ?? "EUR",
        taxes.data,
        params.get("customerId"),
      )}
      initialReference=""
      taxes={taxes.data}
      save={(body, callbacks) =>
        create.mutate(body, {
          onSuccess: (order) => {
            notifications.show({ color: "green", message: t("salesOrders.actions.saved") });
            navigate(`/sales-orders/${order.id}`);
          },
          onError: callbacks.onError,
        })
      }
      isSaving={create.isPending}
      error={create.error}
      onCancel={() => navigate("/sales-orders")}
    />
  );
}

export function EditSalesOrderPage() {
  const { id = "" } = useParams();
  const order = useSalesOrder(id);
  const taxes = useTaxes();
  if (order.isPending || taxes.isPending) return <PageLoader />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  if (taxes.isError) return <ErrorState error={taxes.error} onRetry={() => void taxes.refetch()} />;
  return <EditForm key={order.data.id} order={order.data} taxes={taxes.data} />;
}

function EditForm({ order, taxes }: { order: SalesOrderDetail; taxes: Tax[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateSalesOrder(order.id);
  if (order.status !== "draft") return <Alert color="yellow">{t("salesOrders.notDraft")}</Alert>;
  const values = invoiceToValues(
    { ...order, dueDate: order.deliveryDate, allowPartialPayments: false },
    decimalMarkOf(i18n.language),
  );
  return (
    <SalesOrderEditor
      title={t("salesOrders.edit")}
      initialValues={values}
      initialReference={order.reference ?? ""}
      taxes={taxes}
      save={(body, callbacks) =>
        update.mutate(body, {
          onSuccess: () => {
            notifications.show({ color: "green", message: t("salesOrders.actions.saved") });
            navigate(`/sales-orders/${order.id}`);
          },
          onError: callbacks.onError,
        })
      }
      isSaving={update.isPending}
      error={update.error}
      onCancel={() => navigate(`/sales-orders/${order.id}`)}
    />
  );
}
