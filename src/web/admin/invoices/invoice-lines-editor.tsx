import { Button, Card, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import type { FormArrayElement, UseFormReturnType } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { Tax } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { TotalsTable } from "../../ui/invoice-totals.js";
import {
  defaultTaxIds,
  type LinesFormValues,
  type LiveTotals,
  newLine,
} from "../documents/lines-form-model.js";
import { useLineInputs } from "./line-inputs.js";

interface Props<T extends LinesFormValues> {
  form: UseFormReturnType<T>;
  taxes: Tax[];
  totals: LiveTotals | null;
}

/** A table on wide screens; one card per line on phones, where seven columns cannot fit. */
export function InvoiceLinesEditor<T extends LinesFormValues>({ form, taxes, totals }: Props<T>) {
  const { t } = useTranslation();
  const f = useFormat();
  const isWide = useMediaQuery("(min-width: 62em)", true);
  const inputs = useLineInputs(form, taxes);
  const lineAmount = (index: number) =>
    totals?.valid[index] && totals.lines[index]
      ? f.money(totals.lines[index].netMinor, form.values.currency)
      : t("common.none");

  return (
    <Stack gap="xs">
      {isWide ? (
        <Table verticalSpacing="xs" layout="fixed" captionSide="top">
          <Table.Caption ta="left">{t("invoice.lines")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("invoice.description")}</Table.Th>
              <Table.Th scope="col" w={90}>
                {t("invoice.quantity")}
              </Table.Th>
              <Table.Th scope="col" w={130}>
                {t("invoice.unitPrice")}
              </Table.Th>
              <Table.Th scope="col" w={90}>
                {t("invoice.discount")}
              </Table.Th>
              <Table.Th scope="col" w="24%">
                {t("invoice.taxes")}
              </Table.Th>
              <Table.Th scope="col" w={110} ta="right">
                {t("invoice.amount")}
              </Table.Th>
              <Table.Th scope="col" w={44}>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.values.lines.map((line, index) => (
              <Table.Tr key={line.key} style={{ verticalAlign: "top" }}>
                <Table.Td>{inputs.description(index)}</Table.Td>
                <Table.Td>{inputs.quantity(index)}</Table.Td>
                <Table.Td>{inputs.unitPrice(index)}</Table.Td>
                <Table.Td>{inputs.discount(index)}</Table.Td>
                <Table.Td>{inputs.taxes(index)}</Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" pt={6}>
                    {lineAmount(index)}
                  </Text>
                </Table.Td>
                <Table.Td>{inputs.remove(index)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Stack gap="sm" component="section" aria-label={t("invoice.lines")}>
          {form.values.lines.map((line, index) => (
            <Card key={line.key} withBorder padding="sm">
              <Group justify="space-between" mb="xs">
                <Text fw={600}>{t("admin.editor.lineN", { n: index + 1 })}</Text>
                {inputs.remove(index)}
              </Group>
              <Stack gap="xs">
                {inputs.description(index, true)}
                <SimpleGrid cols={3} spacing="xs">
                  {inputs.quantity(index, true)}
                  {inputs.unitPrice(index, true)}
                  {inputs.discount(index, true)}
                </SimpleGrid>
                {inputs.taxes(index, true)}
                <Group justify="space-between">
                  <Text size="sm" c="dimmed">
                    {t("invoice.amount")}
                  </Text>
                  <Text size="sm" fw={600}>
                    {lineAmount(index)}
                  </Text>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {form.errors.lines ? (
        <Text c="red" size="sm" role="alert">
          {form.errors.lines}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          onClick={() =>
            form.insertListItem("lines", newLine(defaultTaxIds(taxes)) as FormArrayElement<T, "lines">)
          }
        >
          {t("admin.editor.addLine")}
        </Button>
      </Group>
    </Stack>
  );
}

/** The totals of the form as the server will compute them. */
export function LiveTotalsTable({
  totals,
  currency,
  taxes,
}: {
  totals: LiveTotals | null;
  currency: string;
  taxes: Tax[];
}) {
  if (!totals) return null;
  return (
    <TotalsTable
      totals={{
        currency,
        ...totals.totals,
        taxBreakdown: totals.totals.taxes.map((entry) => ({
          ...entry,
          name: taxes.find((tax) => tax.id === entry.taxId)?.name ?? "",
        })),
      }}
    />
  );
}
