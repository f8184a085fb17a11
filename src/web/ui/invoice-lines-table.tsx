import { Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { InvoiceLine } from "../../shared/contracts/index.js";
import { type Formatters, useFormat } from "./format.js";

/** Read-only invoice lines: six columns on wide screens, two (details folded under the description) on phones. */
export function InvoiceLinesTable({ lines, currency }: { lines: InvoiceLine[]; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const isWide = useMediaQuery("(min-width: 48em)", true);
  const taxes = (line: InvoiceLine) => line.taxes.map((tax) => tax.name).join(", ");

  if (!isWide) {
    return (
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption ta="left">{t("invoice.lines")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("invoice.description")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("invoice.amount")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {line.description}
                </Text>
                <Text size="xs" c="dimmed">
                  {compactDetails(f, line, currency, taxes(line))}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {f.money(line.netMinor, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <Table striped verticalSpacing="xs" captionSide="top">
      <Table.Caption ta="left">{t("invoice.lines")}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("invoice.description")}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t("invoice.quantity")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("invoice.unitPrice")}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t("invoice.discount")}
          </Table.Th>
          <Table.Th scope="col">{t("invoice.taxes")}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t("invoice.amount")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.id}>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {line.description}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{f.quantity(line.quantityMilli)}</Table.Td>
            <Table.Td ta="right">{f.money(line.unitPriceMinor, currency)}</Table.Td>
            <Table.Td ta="right">{line.discountBp ? f.percent(line.discountBp) : t("common.none")}</Table.Td>
            <Table.Td>{taxes(line) || t("common.none")}</Table.Td>
            <Table.Td ta="right">{f.money(line.netMinor, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function compactDetails(f: Formatters, line: InvoiceLine, currency: string, taxes: string): string {
  const parts = [`${f.quantity(line.quantityMilli)} × ${f.money(line.unitPriceMinor, currency)}`];
  if (line.discountBp) parts.push(`−${f.percent(line.discountBp)}`);
  if (taxes) parts.push(taxes);
  return parts.join(" · ");
}
