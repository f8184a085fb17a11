import { Badge, Card, Checkbox, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Tax } from "../../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { parseScaledDecimal } from "../../ui/decimal.js";
import { FormActions } from "../../ui/form-actions.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { useCreateTax, useTaxes } from "./taxes-api.js";

export function TaxesPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const taxes = useTaxes();

  return (
    <Stack>
      {taxes.isPending ? <PageLoader /> : null}
      {taxes.isError ? <ErrorState error={taxes.error} onRetry={() => void taxes.refetch()} /> : null}
      {taxes.data?.length === 0 ? <Text c="dimmed">{t("admin.taxes.empty")}</Text> : null}
      {taxes.data && taxes.data.length > 0 ? (
        <ColumnTable<Tax>
          minWidth={320}
          caption={t("admin.taxes.title")}
          rows={taxes.data}
          rowKey={(tax) => tax.id}
          columns={[
            column("name", t("admin.taxes.name"), (tax) => tax.name),
            amountColumn("rate", t("admin.taxes.rate"), (tax) => f.percent(tax.rateBp)),
            column("default", t("admin.taxes.default"), (tax) =>
              tax.isDefault ? <Badge>{t("admin.taxes.default")}</Badge> : null,
            ),
          ]}
        />
      ) : null}
      <AddTaxForm isFirst={taxes.data?.length === 0} />
    </Stack>
  );
}

function AddTaxForm({ isFirst }: { isFirst: boolean }) {
  const { t } = useTranslation();
  const create = useCreateTax();
  const form = useForm({
    initialValues: { name: "", rate: "", isDefault: false },
    validate: {
      name: (v) => (v.trim() ? null : t("errors.required")),
      rate: (v) => {
        const bp = parseScaledDecimal(v, 2);
        return bp !== null && bp >= -10_000 && bp <= 10_000 ? null : t("errors.invalidRate");
      },
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        name: values.name.trim(),
        rateBp: parseScaledDecimal(values.rate, 2) ?? 0,
        isDefault: values.isDefault || isFirst,
      },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: "green", message: t("admin.taxes.added") });
        },
        onError: (error) => applyProblemToForm(form, error, (path) => (path === "rateBp" ? "rate" : path)),
      },
    ),
  );

  return (
    <Card withBorder component="section" aria-labelledby="add-tax-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h5" id="add-tax-title">
            {t("admin.taxes.add")}
          </Title>
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput label={t("admin.taxes.name")} required miw={180} {...form.getInputProps("name")} />
            <TextInput
              label={t("admin.taxes.rate")}
              description={t("admin.taxes.rateHint")}
              inputMode="decimal"
              required
              miw={180}
              {...form.getInputProps("rate")}
            />
          </Group>
          <Checkbox
            label={t("admin.taxes.isDefault")}
            {...form.getInputProps("isDefault", { type: "checkbox" })}
          />
          <FormActions
            error={create.error}
            pending={create.isPending}
            label={t("admin.taxes.add")}
            justify="flex-start"
          />
        </Stack>
      </form>
    </Card>
  );
}
