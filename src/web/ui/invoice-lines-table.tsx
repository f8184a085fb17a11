import { Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { InvoiceLine } from "../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column, type TableColumn } from "./column-table.js";
import { type Formatters, useFormat } from "./format.js";

/** Read-only invoice lines: six columns on wide screens, two (details folded under the description) on phones. */
export function InvoiceLinesTable({ lines, currency }: { lines: InvoiceLine[]; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const isWide = useMediaQuery("(min-width: 48em)", true);
  const taxes = (line: InvoiceLine) => line.taxes.map((tax) => tax.name).join(", ");
  const description = (line: InvoiceLine) => (
    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
      {line.description}
    </Text>
  );
  const amount: TableColumn<InvoiceLine> = {
    key: "amount",
    header: t("invoice.amount"),
    align: "right",
    cell: (line) => f.money(line.netMinor, currency),
  };

  const columns: TableColumn<InvoiceLine>[] = isWide
    ? [
        column("description", t("invoice.description"), description),
        amountColumn("quantity", t("invoice.quantity"), (line) => f.quantity(line.quantityMilli)),
        amountColumn("unitPrice", t("invoice.unitPrice"), (line) => f.money(line.unitPriceMinor, currency)),
        amountColumn("discount", t("invoice.discount"), (line) =>
          line.discountBp ? f.percent(line.discountBp) : t("common.none"),
        ),
        column("taxes", t("invoice.taxes"), (line) => taxes(line) || t("common.none")),
        amount,
      ]
    : [
        column("description", t("invoice.description"), (line) => (
          <>
            {description(line)}
            <Text size="xs" c="dimmed">
              {compactDetails(f, line, currency, taxes(line))}
            </Text>
          </>
        )),
        { ...amount, cellProps: () => ({ style: { whiteSpace: "nowrap" } }) },
      ];

  return (
    <ColumnTable
      striped
      verticalSpacing="xs"
      caption={t("invoice.lines")}
      rows={lines}
      rowKey={(line) => line.id}
      columns={columns}
    />
  );
}

function compactDetails(f: Formatters, line: InvoiceLine, currency: string, taxes: string): string {
  const parts = [`${f.quantity(line.quantityMilli)} × ${f.money(line.unitPriceMinor, currency)}`];
  if (line.discountBp) parts.push(`−${f.percent(line.discountBp)}`);
  if (taxes) parts.push(taxes);
  return parts.join(" · ");
}
