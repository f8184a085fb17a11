import { Anchor, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalPaymentDetail } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { methodLabel } from "./payment-method.js";

/** The invoices a payment paid (each links to it) and the refunds made of it. */
export function ReceiptTables({ payment }: { payment: PortalPaymentDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (minor: number) => f.money(minor, payment.currency);
  return (
    <>
      <section aria-labelledby="receipt-invoices">
        <Title order={2} size="h4" mb="xs" id="receipt-invoices">
          {t("receipts.receipt.invoicesPaid")}
        </Title>
        {payment.allocations.length === 0 ? (
          <Text c="dimmed">{t("receipts.receipt.noInvoices")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table aria-labelledby="receipt-invoices">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("receipts.receipt.invoice")}</Table.Th>
                  <Table.Th scope="col">{t("receipts.receipt.appliedOn")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("receipts.list.amount")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payment.allocations.map((a) => (
                  <Table.Tr key={a.invoiceId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/invoices/${a.invoiceId}`} fw={500}>
                        {a.invoiceNumber ?? a.invoiceId.slice(0, 8)}
                      </Anchor>
                      {a.invoiceKind === "retainer" ? (
                        <Text span size="xs" c="dimmed">
                          {" "}
                          · {t("receipts.receipt.retainer")}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{f.date(a.appliedOn)}</Table.Td>
                    <Table.Td ta="right">{money(a.amountMinor)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
      {payment.refunds.length > 0 ? (
        <section aria-labelledby="receipt-refunds">
          <Title order={2} size="h4" mb="xs" id="receipt-refunds">
            {t("receipts.receipt.refunds")}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table aria-labelledby="receipt-refunds">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("receipts.receipt.refundedOn")}</Table.Th>
                  <Table.Th scope="col">{t("receipts.receipt.method")}</Table.Th>
                  <Table.Th scope="col">{t("receipts.receipt.reference")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("receipts.list.amount")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payment.refunds.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{f.date(r.refundedOn)}</Table.Td>
                    <Table.Td>{methodLabel(t, r.method, null)}</Table.Td>
                    <Table.Td>{r.reference ?? t("common.none")}</Table.Td>
                    <Table.Td ta="right">{money(r.amountMinor)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      ) : null}
    </>
  );
}
