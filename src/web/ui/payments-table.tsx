import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Allocation } from "../../shared/contracts/index.js";
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
    <Table.ScrollContainer minWidth={320}>
      <Table captionSide="top">
        <Table.Caption ta="left">{t("invoice.payments")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("invoice.date")}</Table.Th>
            <Table.Th scope="col">{t("invoice.paidWith")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("invoice.amount")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {allocations.map((a) => {
            const label = t(`moneyAdmin.source.${a.sourceType}`, { number: a.sourceNumber ?? "—" });
            const href = sourceHref?.(a);
            return (
              <Table.Tr key={`${a.sourceId}-${a.invoiceId}`}>
                <Table.Td>{f.date(a.appliedOn)}</Table.Td>
                <Table.Td>
                  {href ? (
                    <Anchor component={Link} to={href}>
                      {label}
                    </Anchor>
                  ) : (
                    label
                  )}
                </Table.Td>
                <Table.Td ta="right">{f.money(a.amountMinor, currency)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
