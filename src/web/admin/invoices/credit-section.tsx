import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { InvoiceDetail } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { ApplyModal } from "../payments/apply-modal.js";
import { AppliedTable, RefundsTable } from "../payments/money-tables.js";
import { useApplyCredit, useRefundCredit } from "../payments/payments-api.js";
import { RefundModal } from "../payments/refund-modal.js";

/**
 * A credit note's credit or a retainer's balance (A8, A9): what is left, where it went, and the
 * "apply to invoices" and "refund" dialogs.
 */
export function CreditSection({ invoice, onReload }: { invoice: InvoiceDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const apply = useApplyCredit(invoice.id);
  const refund = useRefundCredit(invoice.id);
  const [applyOpened, applyModal] = useDisclosure(false);
  const [refundOpened, refundModal] = useDisclosure(false);
  const kind = invoice.kind === "credit_note" ? "creditNote" : "retainer";
  const refundedMinor = invoice.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
  const canMove = invoice.availableMinor > 0 && invoice.status !== "void" && invoice.status !== "draft";

  return (
    <Card withBorder component="section" aria-labelledby="credit-title">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="credit-title">
              {t(`moneyAdmin.credit.${kind}.title`)}
            </Title>
            <Text size="sm" mt={4}>
              {t(`moneyAdmin.credit.${kind}.available`)}:{" "}
              <b>{f.money(invoice.availableMinor, invoice.currency)}</b>
            </Text>
          </div>
          {canMove ? (
            <Group gap="xs">
              <Button onClick={applyModal.open}>{t("moneyAdmin.credit.apply")}</Button>
              <Button variant="light" color="red" onClick={refundModal.open}>
                {t("moneyAdmin.refund.open")}
              </Button>
            </Group>
          ) : null}
        </Group>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t("moneyAdmin.credit.appliedTo")}
          </Title>
          <AppliedTable allocations={invoice.appliedTo} currency={invoice.currency} />
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t("moneyAdmin.refunds.title")}
          </Title>
          <RefundsTable refunds={invoice.refunds} />
        </div>
      </Stack>
      <ApplyModal
        opened={applyOpened}
        onClose={applyModal.close}
        title={t("moneyAdmin.credit.apply")}
        customerId={invoice.customerId}
        currency={invoice.currency}
        availableMinor={invoice.availableMinor}
        includeRetainers={false}
        sourceId={invoice.id}
        mutation={apply}
      />
      <RefundModal
        opened={refundOpened}
        onClose={refundModal.close}
        title={t(`moneyAdmin.credit.${kind}.refundTitle`, { number: invoice.number })}
        currency={invoice.currency}
        refundedMinor={refundedMinor}
        refundableMinor={invoice.availableMinor}
        mutation={refund}
        onReload={onReload}
      />
    </Card>
  );
}
