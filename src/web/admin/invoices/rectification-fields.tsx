import {
  Card,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../ui/format.js";
import type { InvoiceFormValues } from "./invoice-form-model.js";
import { useInvoices } from "./invoices-api.js";

/** Local so that the web bundle does not pull the zod schemas in. */
const RECTIFICATION_TYPES = ["R1", "R2", "R3", "R4", "R5"] as const;

/**
 * A Spanish organisation's credit note is a rectifying invoice (decision 051): its type, method, reason
 * and the customer's issued invoices it rectifies, in place of the "corrects invoice" choice.
 */
export function RectificationFields({ form }: { form: UseFormReturnType<InvoiceFormValues> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const customerId = form.values.customerId;
  const invoices = useInvoices({ customerId: customerId ?? undefined, kind: "invoice" });
  const issued = (customerId ? (invoices.data ?? []) : []).filter(
    (i) => i.number && i.status !== "draft" && i.status !== "void" && i.customerId === customerId,
  );
  const method = form.values.rectification?.method ?? "difference";
  // A field error on one listed invoice ("rectification.invoiceIds.1") is shown on the list.
  const listError = Object.entries(form.errors).find(([k]) => k.startsWith("rectification.invoiceIds"))?.[1];
  return (
    <Card withBorder component="fieldset" aria-label={t("rectifying.section")}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("rectifying.type")}
            placeholder={t("rectifying.typePlaceholder")}
            required
            data={RECTIFICATION_TYPES.map((type) => ({ value: type, label: t(`rectifying.types.${type}`) }))}
            {...form.getInputProps("rectification.type")}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="rectification-method-label">
              {t("rectifying.method")}
            </Text>
            <SegmentedControl
              aria-labelledby="rectification-method-label"
              data={[
                { value: "difference", label: t("rectifying.methods.difference") },
                { value: "substitution", label: t("rectifying.methods.substitution") },
              ]}
              value={method}
              onChange={(value) => form.setFieldValue("rectification.method", value as typeof method)}
            />
            <Text size="xs" c="dimmed">
              {t(`rectifying.methodHints.${method}`)}
            </Text>
          </Stack>
        </SimpleGrid>
        <Textarea
          label={t("rectifying.reason")}
          description={t("rectifying.reasonHint")}
          required
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps("rectification.reason")}
        />
        <MultiSelect
          label={t("rectifying.rectified")}
          description={t("rectifying.rectifiedHint")}
          placeholder={customerId ? undefined : t("admin.editor.selectCustomer")}
          data={issued.map((i) => ({
            value: i.id,
            label: `${i.number} · ${f.date(i.issueDate)} · ${f.money(i.totalMinor, i.currency)}`,
          }))}
          value={form.values.rectification?.invoiceIds ?? []}
          onChange={(ids) => form.setFieldValue("rectification.invoiceIds", ids)}
          error={listError}
          searchable
          clearable
          disabled={!customerId}
          nothingFoundMessage={t("rectifying.rectifiedEmpty")}
          maxValues={method === "substitution" ? 1 : undefined}
        />
      </Stack>
    </Card>
  );
}
