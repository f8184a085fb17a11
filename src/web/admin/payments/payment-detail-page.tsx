import { Anchor, Button, Card, Group, SimpleGrid, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PaymentDetail } from "../../../shared/contracts/index.js";
import { Fact } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { LongText } from "../../ui/long-text.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { PdfDownload } from "../pdf-download/pdf-download.js";
import { ApplyModal } from "./apply-modal.js";
import { AppliedTable, RefundsTable } from "./money-tables.js";
import { useApplyPayment, usePayment, useRefundPayment } from "./payments-api.js";
import { RefundModal } from "./refund-modal.js";

export function PaymentDetailPage() {
  const { id = "" } = useParams();
  const payment = usePayment(id);
  if (payment.isPending) return <PageLoader />;
  if (payment.isError) return <ErrorState error={payment.error} onRetry={() => void payment.refetch()} />;
  return <PaymentView payment={payment.data} onReload={() => void payment.refetch()} />;
}

function PaymentView({ payment, onReload }: { payment: PaymentDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const apply = useApplyPayment(payment.id);
  const refund = useRefundPayment(payment.id);
  const [applyOpened, applyModal] = useDisclosure(false);
  const [refundOpened, refundModal] = useDisclosure(false);
  const money = (minor: number) => f.money(minor, payment.currency);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={1} size="h2">
          {t("moneyAdmin.payment.title", { number: payment.number })}
        </Title>
        <Group gap="xs">
          {payment.unappliedMinor > 0 ? (
            <Button onClick={applyModal.open}>{t("moneyAdmin.payment.apply")}</Button>
          ) : null}
          {payment.refundableMinor > 0 ? (
            <Button variant="light" color="red" onClick={refundModal.open}>
              {t("moneyAdmin.refund.open")}
            </Button>
          ) : null}
          <PdfDownload
            href={`/api/payments/${payment.id}/pdf`}
            customerId={payment.customerId}
            label={t("moneyAdmin.payment.receiptPdf")}
          />
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
          <Fact label={t("invoice.customer")}>
            <Anchor component={Link} to={`/customers/${payment.customerId}`}>
              {payment.customerName}
            </Anchor>
          </Fact>
          <Fact label={t("invoice.date")}>{f.date(payment.paidOn)}</Fact>
          <Fact label={t("invoice.method")}>{t(`moneyAdmin.methods.${payment.method}`)}</Fact>
          <Fact label={t("moneyAdmin.reference")}>{payment.reference ?? payment.gateway ?? "—"}</Fact>
          <Fact label={t("invoice.amount")}>{money(payment.amountMinor)}</Fact>
          <Fact label={t("moneyAdmin.payment.allocated")}>{money(payment.allocatedMinor)}</Fact>
          <Fact label={t("moneyAdmin.payments.refunded")}>{money(payment.refundedMinor)}</Fact>
          <Fact label={t("moneyAdmin.payments.unapplied")}>{money(payment.unappliedMinor)}</Fact>
        </SimpleGrid>
      </Card>
      {payment.notes ? <LongText label={t("invoice.notes")} text={payment.notes} /> : null}
      <Card withBorder component="section" aria-labelledby="allocations-title">
        <Title order={2} size="h4" mb="xs" id="allocations-title">
          {t("moneyAdmin.payment.allocations")}
        </Title>
        <AppliedTable allocations={payment.allocations} currency={payment.currency} />
      </Card>
      <Card withBorder component="section" aria-labelledby="refunds-title">
        <Title order={2} size="h4" mb="xs" id="refunds-title">
          {t("moneyAdmin.refunds.title")}
        </Title>
        <RefundsTable refunds={payment.refunds} />
      </Card>
      <ApplyModal
        opened={applyOpened}
        onClose={applyModal.close}
        title={t("moneyAdmin.payment.apply")}
        customerId={payment.customerId}
        currency={payment.currency}
        availableMinor={payment.unappliedMinor}
        includeRetainers
        mutation={apply}
      />
      <RefundModal
        opened={refundOpened}
        onClose={refundModal.close}
        title={t("moneyAdmin.refund.paymentTitle", { number: payment.number })}
        currency={payment.currency}
        refundedMinor={payment.refundedMinor}
        refundableMinor={payment.refundableMinor}
        mutation={refund}
        onReload={onReload}
      />
    </Stack>
  );
}
