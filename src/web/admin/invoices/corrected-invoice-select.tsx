import { Card, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../ui/format.js";
import { useInvoices } from "./invoices-api.js";

interface Props {
  customerId: string | null;
  value?: string | null;
  onChange?: (value: string | null) => void;
  error?: string;
}

/** A credit note's "corrects invoice": one of the customer's issued invoices (optional). */
export function CorrectedInvoiceSelect({ customerId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const invoices = useInvoices({ customerId: customerId ?? undefined, kind: "invoice" });
  const issued = (customerId ? (invoices.data ?? []) : []).filter(
    (i) => i.number && i.status !== "draft" && i.status !== "void" && i.customerId === customerId,
  );
  return (
    <Card withBorder>
      <Select
        label={t("moneyAdmin.editor.corrects")}
        description={t("moneyAdmin.editor.correctsHint")}
        placeholder={customerId ? t("moneyAdmin.editor.correctsNone") : t("admin.editor.selectCustomer")}
        data={issued.map((i) => ({
          value: i.id,
          label: `${i.number} · ${f.date(i.issueDate)} · ${f.money(i.totalMinor, i.currency)}`,
        }))}
        value={value ?? null}
        onChange={(v) => onChange?.(v)}
        error={error}
        searchable
        clearable
        disabled={!customerId}
        nothingFoundMessage={t("moneyAdmin.editor.correctsEmpty")}
        maw={480}
      />
    </Card>
  );
}
