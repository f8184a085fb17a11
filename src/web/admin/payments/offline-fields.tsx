import { Select, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { OFFLINE_METHODS, type OfflineMethod } from "./payment-methods.js";

interface OfflineValues {
  method: OfflineMethod;
  reference: string;
}

/** How, when and with which reference money moved by hand: a payment recorded or a refund made. */
export function OfflineMovementFields<T extends OfflineValues>({
  form,
  datePath,
  dateLabel,
}: {
  form: UseFormReturnType<T>;
  /** The form's date field ("paidOn", "refundedOn"). */
  datePath: string;
  dateLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t("invoice.method")}
        data={OFFLINE_METHODS.map((m) => ({ value: m, label: t(`moneyAdmin.methods.${m}`) }))}
        allowDeselect={false}
        {...form.getInputProps("method")}
      />
      <TextInput type="date" label={dateLabel} required {...form.getInputProps(datePath)} />
      <TextInput label={t("moneyAdmin.reference")} {...form.getInputProps("reference")} />
    </>
  );
}
