import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { InvoiceDetail } from "../../shared/contracts/index.js";
import { useFormat } from "./format.js";

export function PaymentsTable({
  payments,
  currency,
}: {
  payments: InvoiceDetail["payments"];
  currency: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (payments.length === 0) return <Text c="dimmed">{t("invoice.noPayments")}</Text>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table captionSide="top">
        <Table.Caption ta="left">{t("invoice.payments")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("invoice.date")}</Table.Th>
            <Table.Th scope="col">{t("invoice.method")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("invoice.amount")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((payment) => (
            <Table.Tr key={payment.id}>
              <Table.Td>{f.dateTime(payment.paidAt)}</Table.Td>
              <Table.Td>
                {payment.gateway ? `${payment.method} (${payment.gateway})` : payment.method}
              </Table.Td>
              <Table.Td ta="right">{f.money(payment.amountMinor, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
