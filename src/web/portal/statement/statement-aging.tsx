import { Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { StatementAging } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";

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
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder captionSide="top">
          <Table.Caption>{t("statement.aging.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {BUCKETS.map(([label]) => (
                <Table.Th key={label} scope="col" ta="right">
                  {t(`statement.aging.${label}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              {BUCKETS.map(([label, key]) => (
                <Table.Td key={label} ta="right" fw={label === "total" ? 700 : undefined}>
                  {f.money(aging[key], currency)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
