import { Card, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { parseMoney, SUPPORTED_CURRENCIES } from "../../../shared/money/index.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { FormActions } from "../../ui/form-actions.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { useCustomer, useCustomers } from "../customers/customers-api.js";
import { todayIso } from "../documents/lines-form-model.js";
import { PageHeader } from "../layout/page-header.js";
import { AllocationEditor, allocationServerErrors } from "./allocation-editor.js";
import { type AllocationAmounts, checkAllocations, minorToInput } from "./allocation-model.js";
import { OfflineMovementFields } from "./offline-fields.js";
import type { OfflineMethod } from "./payment-methods.js";
import { useOpenDocuments, useRecordPayment } from "./payments-api.js";

interface Values {
  customerId: string | null;
  amount: string;
  currency: string;
  method: OfflineMethod;
  paidOn: string;
  reference: string;
  notes: string;
}

/** Record an offline payment (A10) and split it over the customer's open invoices. */
export function RecordPaymentPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const prefillInvoiceId = params.get("invoiceId");
  const customers = useCustomers("");
  const record = useRecordPayment();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      customerId: params.get("customerId"),
      amount: "",
      currency: "",
      method: "transfer",
      paidOn: todayIso(),
      reference: "",
      notes: "",
    },
    validate: {
      customerId: (v) => (v ? null : t("errors.required")),
      amount: (v, values) => {
        const minor = parseMoney(v, values.currency || "EUR");
        return minor !== null && minor > 0 ? null : t("errors.invalidAmount");
      },
      paidOn: (v) => (v ? null : t("errors.required")),
    },
  });
  const { customerId, currency } = form.values;
  const customer = useCustomer(customerId);
  const open = useOpenDocuments(customerId);
  const documents = useMemo(
    () => (open.data ?? []).filter((d) => d.currency === currency),
    [open.data, currency],
  );
  const [amounts, setAmounts] = useState<AllocationAmounts>({});
  const [sentIds, setSentIds] = useState<string[]>([]);
  const mark = decimalMarkOf(i18n.language);

  // The customer's currency is the default; a new customer starts a new split.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the loaded customer changes
  useEffect(() => {
    if (customer.data) form.setFieldValue("currency", customer.data.currency);
    setAmounts({});
  }, [customer.data?.id]);

  // Opened from an invoice ("Record payment"): that invoice, for what it owes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when its documents arrive
  useEffect(() => {
    const doc = documents.find((d) => d.id === prefillInvoiceId);
    if (!doc || form.values.amount) return;
    const text = minorToInput(doc.dueMinor, doc.currency, mark);
    form.setFieldValue("amount", text);
    setAmounts({ [doc.id]: text });
  }, [documents, prefillInvoiceId]);

  const amountMinor = currency ? parseMoney(form.values.amount, currency) : null;
  const available = amountMinor !== null && amountMinor > 0 ? amountMinor : null;
  const check = checkAllocations(documents, amounts, available ?? 0, currency || "EUR");
  const splitInvalid = Object.keys(check.errors).length > 0 || (available !== null && check.leftMinor < 0);

  const submit = form.onSubmit((values) => {
    if (splitInvalid || amountMinor === null) return;
    setSentIds(check.allocations.map((a) => a.invoiceId));
    record.mutate(
      {
        customerId: values.customerId ?? "",
        amountMinor,
        currency: values.currency,
        method: values.method,
        paidOn: values.paidOn,
        reference: values.reference.trim() || null,
        notes: values.notes.trim() || null,
        allocations: check.allocations,
      },
      {
        onSuccess: (payment) => {
          notifications.show({
            color: "green",
            message: t("moneyAdmin.record.recorded", { number: payment.number }),
          });
          navigate(`/payments/${payment.id}`);
        },
        onError: (error) =>
          applyProblemToForm(form, error, (path) => path.replace(/^amountMinor$/, "amount")),
      },
    );
  });

  const currencies = SUPPORTED_CURRENCIES.includes(currency as never)
    ? [...SUPPORTED_CURRENCIES]
    : [currency, ...SUPPORTED_CURRENCIES].filter(Boolean);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PageHeader title={t("moneyAdmin.record.title")} />
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Select
              label={t("invoice.customer")}
              placeholder={t("admin.editor.selectCustomer")}
              data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              searchable
              required
              nothingFoundMessage={t("admin.editor.noCustomers")}
              {...form.getInputProps("customerId")}
            />
            <TextInput
              label={t("moneyAdmin.record.amount")}
              inputMode="decimal"
              required
              {...form.getInputProps("amount")}
            />
            <Select
              label={t("admin.customers.currency")}
              data={currencies}
              searchable
              allowDeselect={false}
              {...form.getInputProps("currency")}
            />
            <OfflineMovementFields form={form} datePath="paidOn" dateLabel={t("moneyAdmin.record.paidOn")} />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t("invoice.notes")}
            autosize
            minRows={2}
            {...form.getInputProps("notes")}
          />
        </Card>
        {customerId && currency ? (
          <Card withBorder component="section" aria-labelledby="split-title">
            <Title order={2} size="h4" mb="xs" id="split-title">
              {t("moneyAdmin.record.splitTitle")}
            </Title>
            {open.isPending ? null : (
              <AllocationEditor
                documents={documents}
                amounts={amounts}
                onChange={setAmounts}
                check={check}
                currency={currency}
                availableMinor={available}
                serverErrors={allocationServerErrors(record.error, sentIds)}
                onFilledAll={(total) => form.setFieldValue("amount", minorToInput(total, currency, mark))}
              />
            )}
            <ErrorAlert error={open.error} />
          </Card>
        ) : null}
        <FormActions
          error={record.error}
          pending={record.isPending}
          label={t("moneyAdmin.record.submit")}
          onCancel={() => navigate(-1)}
          disabled={splitInvalid}
        />
      </Stack>
    </form>
  );
}
