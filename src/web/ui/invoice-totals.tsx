import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { amountColumn, ColumnTable, column } from "./column-table.js";
import { useFormat } from "./format.js";

export interface TotalsView {
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor?: number;
  dueMinor?: number;
  taxBreakdown: { taxId: string; name: string; rateBp: number; baseMinor: number; amountMinor: number }[];
}

export function TaxBreakdownTable({ totals }: { totals: TotalsView }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (totals.taxBreakdown.length === 0) return null;
  const money = (minor: number) => f.money(minor, totals.currency);
  return (
    <ColumnTable<TotalsView["taxBreakdown"][number]>
      minWidth={320}
      verticalSpacing={4}
      caption={t("invoice.taxBreakdown")}
      rows={totals.taxBreakdown}
      rowKey={(entry) => entry.taxId}
      columns={[
        column("tax", t("invoice.tax"), (entry) => f.taxLabel(entry.name, entry.rateBp)),
        amountColumn("base", t("invoice.base"), (entry) => money(entry.baseMinor)),
        amountColumn("amount", t("invoice.amount"), (entry) => money(entry.amountMinor)),
      ]}
    />
  );
}

/** Subtotal → total (and paid / due once issued) as a definition table. */
export function TotalsTable({ totals }: { totals: TotalsView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: [string, number, boolean?][] = [[t("invoice.subtotal"), totals.subtotalMinor]];
  if (totals.discountMinor) rows.push([t("invoice.discountTotal"), -totals.discountMinor]);
  rows.push([t("invoice.net"), totals.netMinor], [t("invoice.taxTotal"), totals.taxMinor]);
  rows.push([t("invoice.total"), totals.totalMinor, true]);
  if (totals.paidMinor !== undefined && totals.paidMinor !== 0)
    rows.push([t("invoice.paid"), totals.paidMinor]);
  if (totals.dueMinor !== undefined) rows.push([t("invoice.amountDue"), totals.dueMinor, true]);
  return (
    <Stack gap={0} miw={240} ml="auto">
      <Table withRowBorders={false} verticalSpacing={2} aria-label={t("invoice.total")}>
        <Table.Tbody>
          {rows.map(([label, amount, strong]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={strong ? 700 : 400}>
                {label}
              </Table.Th>
              <Table.Td ta="right">
                <Text fw={strong ? 700 : 400} size="sm">
                  {f.money(amount, totals.currency)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
