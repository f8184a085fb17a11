import { Anchor, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalPaymentDetail } from "../../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
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
          <ColumnTable<PortalPaymentDetail["allocations"][number]>
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
              column("appliedOn", t("receipts.receipt.appliedOn"), (a) => f.date(a.appliedOn)),
              amountColumn("amount", t("receipts.list.amount"), (a) => money(a.amountMinor)),
            ]}
          />
        )}
      </section>
      {payment.refunds.length > 0 ? (
        <section aria-labelledby="receipt-refunds">
          <Title order={2} size="h4" mb="xs" id="receipt-refunds">
            {t("receipts.receipt.refunds")}
          </Title>
          <ColumnTable<PortalPaymentDetail["refunds"][number]>
            minWidth={320}
            labelledBy="receipt-refunds"
            rows={payment.refunds}
            rowKey={(r) => r.id}
            columns={[
              column("refundedOn", t("receipts.receipt.refundedOn"), (r) => f.date(r.refundedOn)),
              column("method", t("receipts.receipt.method"), (r) => methodLabel(t, r.method, null)),
              column("reference", t("receipts.receipt.reference"), (r) => r.reference ?? t("common.none")),
              amountColumn("amount", t("receipts.list.amount"), (r) => money(r.amountMinor)),
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
