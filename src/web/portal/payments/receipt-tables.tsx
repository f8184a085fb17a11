import { Anchor, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalPaymentDetail } from "../../../shared/contracts/index.js";
import { ColumnTable } from "../../ui/column-table.js";
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
          <ColumnTable
            minWidth={320}
            labelledBy="receipt-invoices"
            rows={payment.allocations}
            rowKey={(a) => a.invoiceId}
            columns={[
              {
                key: "invoice",
                header: t("receipts.receipt.invoice"),
                cell: (a) => (
                  <>
                    <Anchor component={Link} to={`/invoices/${a.invoiceId}`} fw={500}>
                      {a.invoiceNumber ?? a.invoiceId.slice(0, 8)}
                    </Anchor>
                    {a.invoiceKind === "retainer" ? (
                      <Text span size="xs" c="dimmed">
                        {" "}
                        · {t("receipts.receipt.retainer")}
                      </Text>
                    ) : null}
                  </>
                ),
              },
              { key: "appliedOn", header: t("receipts.receipt.appliedOn"), cell: (a) => f.date(a.appliedOn) },
              {
                key: "amount",
                header: t("receipts.list.amount"),
                align: "right",
                cell: (a) => money(a.amountMinor),
              },
            ]}
          />
        )}
      </section>
      {payment.refunds.length > 0 ? (
        <section aria-labelledby="receipt-refunds">
          <Title order={2} size="h4" mb="xs" id="receipt-refunds">
            {t("receipts.receipt.refunds")}
          </Title>
          <ColumnTable
            minWidth={320}
            labelledBy="receipt-refunds"
            rows={payment.refunds}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "refundedOn",
                header: t("receipts.receipt.refundedOn"),
                cell: (r) => f.date(r.refundedOn),
              },
              {
                key: "method",
                header: t("receipts.receipt.method"),
                cell: (r) => methodLabel(t, r.method, null),
              },
              {
                key: "reference",
                header: t("receipts.receipt.reference"),
                cell: (r) => r.reference ?? t("common.none"),
              },
              {
                key: "amount",
                header: t("receipts.list.amount"),
                align: "right",
                cell: (r) => money(r.amountMinor),
              },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
