import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Allocation, Refund } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";

/** Where money went: the invoices a payment, credit note or retainer was applied to (net per invoice). */
export function AppliedTable({ allocations, currency }: { allocations: Allocation[]; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (allocations.length === 0) return <Text c="dimmed">{t("moneyAdmin.applied.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table aria-label={t("moneyAdmin.applied.caption")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("invoice.date")}</Table.Th>
            <Table.Th scope="col">{t("moneyAdmin.applied.document")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("invoice.amount")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {allocations.map((a) => (
            <Table.Tr key={`${a.sourceId}-${a.invoiceId}`}>
              <Table.Td>{f.date(a.appliedOn)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/invoices/${a.invoiceId}`}>
                  {t(`moneyAdmin.kindNumber.${a.invoiceKind}`, { number: a.invoiceNumber ?? "—" })}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{f.money(a.amountMinor, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RefundsTable({ refunds }: { refunds: Refund[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (refunds.length === 0) return <Text c="dimmed">{t("moneyAdmin.refunds.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table aria-label={t("moneyAdmin.refunds.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("invoice.date")}</Table.Th>
            <Table.Th scope="col">{t("invoice.method")}</Table.Th>
            <Table.Th scope="col">{t("moneyAdmin.reference")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("invoice.amount")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {refunds.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{f.date(r.refundedOn)}</Table.Td>
              <Table.Td>{t(`moneyAdmin.methods.${r.method}`)}</Table.Td>
              <Table.Td>{r.reference ?? "—"}</Table.Td>
              <Table.Td ta="right">{f.money(r.amountMinor, r.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
