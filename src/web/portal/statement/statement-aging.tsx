import { Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { StatementAging } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";

const BUCKETS = [
  ["current", "currentMinor"],
  ["days1to30", "days1to30Minor"],
  ["days31to60", "days31to60Minor"],
  ["days61to90", "days61to90Minor"],
  ["over90", "over90Minor"],
  ["total", "totalMinor"],
] as const;

/** What the customer still owed on invoices at the end of the period, by how late it was then. */
export function StatementAgingSummary({
  aging,
  currency,
  at,
}: {
  aging: StatementAging;
  currency: string;
  at: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="statement-aging-title">
      <Title order={2} size="h4" id="statement-aging-title" mb="xs">
        {t("statement.aging.title", { date: f.date(at) })}
      </Title>
      <ResponsiveTable<StatementAging>
        minWidth={560}
        label={t("statement.aging.caption")}
        caption={t("statement.aging.caption")}
        rows={[aging]}
        rowKey={() => "aging"}
        striped={false}
        columns={BUCKETS.map(([label, key]) => ({
          key: label,
          header: t(`statement.aging.${label}`),
          kind: "money" as const,
          cell: (row: StatementAging) =>
            label === "total" ? <b>{f.money(row[key], currency)}</b> : f.money(row[key], currency),
        }))}
      />
    </section>
  );
}
