import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Allocation } from "../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column } from "./column-table.js";
import { useFormat } from "./format.js";

/**
 * What paid an invoice: payments (by receipt number), credit notes and retainers applied to it, each
 * named with its type. `sourceHref` links each source where the app has a page for it.
 */
export function PaymentsTable({
  allocations,
  currency,
  sourceHref,
}: {
  allocations: Allocation[];
  currency: string;
  sourceHref?: (allocation: Allocation) => string | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (allocations.length === 0) return <Text c="dimmed">{t("invoice.noPayments")}</Text>;
  return (
    <ColumnTable<Allocation>
      minWidth={320}
      caption={t("invoice.payments")}
      rows={allocations}
      rowKey={(a) => `${a.sourceId}-${a.invoiceId}`}
      columns={[
        column("date", t("invoice.date"), (a) => f.date(a.appliedOn)),
        {
          key: "paidWith",
          header: t("invoice.paidWith"),
          cell: (a) => {
            const label = t(`moneyAdmin.source.${a.sourceType}`, { number: a.sourceNumber ?? "—" });
            const href = sourceHref?.(a);
            return href ? (
              <Anchor component={Link} to={href}>
                {label}
              </Anchor>
            ) : (
              label
            );
          },
        },
        amountColumn("amount", t("invoice.amount"), (a) => f.money(a.amountMinor, currency)),
      ]}
    />
  );
}
