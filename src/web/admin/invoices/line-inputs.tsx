import { CloseButton, MultiSelect, Text, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Tax } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import type { LinesFormValues } from "../documents/lines-form-model.js";

/**
 * The inputs of one document line (invoices, quotes). Every input's accessible name says which line it belongs to
 * ("Quantity (line 2)"); `withLabel` also shows the short name above it (the phone layout).
 */
export function useLineInputs<T extends LinesFormValues>(form: UseFormReturnType<T>, taxes: Tax[]) {
  const { t } = useTranslation();
  const f = useFormat();
  const taxOptions = taxes.map((tax) => ({ value: tax.id, label: f.taxLabel(tax.name, tax.rateBp) }));
  const names = (field: string, index: number, withLabel: boolean) => ({
    "aria-label": t("admin.editor.lineField", { field, n: index + 1 }),
    label: withLabel ? field : undefined,
  });

  return {
    description: (index: number, withLabel = false) => (
      <Textarea
        {...names(t("invoice.description"), index, withLabel)}
        autosize
        minRows={1}
        maxRows={6}
        {...form.getInputProps(`lines.${index}.description`)}
      />
    ),
    quantity: (index: number, withLabel = false) => (
      <TextInput
        {...names(t("invoice.quantity"), index, withLabel)}
        inputMode="decimal"
        placeholder={t("admin.editor.quantityPlaceholder")}
        {...form.getInputProps(`lines.${index}.quantity`)}
      />
    ),
    unitPrice: (index: number, withLabel = false) => (
      <TextInput
        {...names(t("invoice.unitPrice"), index, withLabel)}
        inputMode="decimal"
        rightSection={<Text size="xs">{form.values.currency}</Text>}
        rightSectionWidth={40}
        {...form.getInputProps(`lines.${index}.unitPrice`)}
      />
    ),
    discount: (index: number, withLabel = false) => (
      <TextInput
        {...names(t("invoice.discount"), index, withLabel)}
        inputMode="decimal"
        placeholder={t("admin.editor.discountPlaceholder")}
        {...form.getInputProps(`lines.${index}.discount`)}
      />
    ),
    taxes: (index: number, withLabel = false) => (
      <MultiSelect
        {...names(t("invoice.taxes"), index, withLabel)}
        data={taxOptions}
        maxValues={4}
        {...form.getInputProps(`lines.${index}.taxIds`)}
      />
    ),
    remove: (index: number) => (
      <CloseButton
        mt={4}
        aria-label={t("admin.editor.removeLine", { n: index + 1 })}
        onClick={() => form.removeListItem("lines", index)}
      />
    ),
  };
}
