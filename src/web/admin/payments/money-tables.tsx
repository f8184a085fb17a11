import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Allocation, Refund } from "../../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { useFormat } from "../../ui/format.js";

/** Where money went: the invoices a payment, credit note or retainer was applied to (net per invoice). */
export function AppliedTable({ allocations, currency }: { allocations: Allocation[]; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (allocations.length === 0) return <Text c="dimmed">{t("moneyAdmin.applied.empty")}</Text>;
  return (
    <ColumnTable<Allocation>
      minWidth={320}
      label={t("moneyAdmin.applied.caption")}
      rows={allocations}
      rowKey={(a) => `${a.sourceId}-${a.invoiceId}`}
      columns={[
        column("date", t("invoice.date"), (a) => f.date(a.appliedOn)),
        {
          key: "document",
          header: t("moneyAdmin.applied.document"),
          cell: (a) => (
            <Anchor component={Link} to={`/invoices/${a.invoiceId}`}>
              {t(`moneyAdmin.kindNumber.${a.invoiceKind}`, { number: a.invoiceNumber ?? "—" })}
            </Anchor>
          ),
        },
        amountColumn("amount", t("invoice.amount"), (a) => f.money(a.amountMinor, currency)),
      ]}
    />
  );
}

export function RefundsTable({ refunds }: { refunds: Refund[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (refunds.length === 0) return <Text c="dimmed">{t("moneyAdmin.refunds.empty")}</Text>;
  return (
    <ColumnTable<Refund>
      minWidth={320}
      label={t("moneyAdmin.refunds.title")}
      rows={refunds}
      rowKey={(r) => r.id}
      columns={[
        column("date", t("invoice.date"), (r) => f.date(r.refundedOn)),
        column("method", t("invoice.method"), (r) => t(`moneyAdmin.methods.${r.method}`)),
        column("reference", t("moneyAdmin.reference"), (r) => r.reference ?? "—"),
        amountColumn("amount", t("invoice.amount"), (r) => f.money(r.amountMinor, r.currency)),
      ]}
    />
  );
}
