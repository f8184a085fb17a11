import { Anchor, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CustomerBalance } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { CreditActions } from "./credit-actions.js";
import { PayAllButton } from "./pay-all-button.js";

/** One figure: its name as the card's heading, the amount large, a line of context and a way on. */
export function FigureCard({
  title,
  value,
  detail,
  children,
  testId,
}: {
  title: string;
  value: string;
  detail?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder component="section" aria-label={title} data-testid={testId}>
      <Stack gap={6} h="100%">
        <Text size="sm" c="dimmed" fw={500} component="h3" m={0}>
          {title}
        </Text>
        <Text fz={26} fw={700} lh={1.2} style={{ overflowWrap: "anywhere" }}>
          {value}
        </Text>
        {detail ? (
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        ) : null}
        {children ? (
          <Stack gap="xs" mt="auto" pt={4}>
            {children}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** E1's money figures in one currency; every one is a sum over documents the invoice list shows. */
export function BalanceCards({
  balance,
  showCurrency,
  canPay,
  payGateways = [],
  canApplyCredit = false,
}: {
  balance: CustomerBalance;
  showCurrency: boolean;
  canPay: boolean;
  /** What "pay everything" in this currency may be paid with (every invoice allows it). */
  payGateways?: string[];
  /** Decision 017: a contact (not a staff preview) may apply its credit itself. */
  canApplyCredit?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (minor: number) => f.money(minor, balance.currency);
  const b = balance;
  return (
    <Stack gap="xs">
      {showCurrency ? (
        <Title order={3} size="h5">
          {t("portalHome.inCurrency", { currency: b.currency })}
        </Title>
      ) : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <FigureCard
          title={t("portalHome.outstanding")}
          value={money(b.outstandingMinor)}
          testId={`home-outstanding-${b.currency}`}
          detail={
            b.openInvoiceCount > 0
              ? t("portalHome.outstandingCount", { count: b.openInvoiceCount })
              : t("portalHome.nothingOutstanding")
          }
        >
          {canPay && b.outstandingMinor > 0 ? (
            <PayAllButton currency={b.currency} amountMinor={b.outstandingMinor} gateways={payGateways} />
          ) : null}
          <CreditActions balance={b} canApply={canApplyCredit} />
          <Anchor component={Link} to="/invoices" size="sm">
            {t("portalHome.viewInvoices")}
          </Anchor>
        </FigureCard>
        <FigureCard
          title={t("portalHome.overdue")}
          value={money(b.overdueMinor)}
          testId={`home-overdue-${b.currency}`}
          detail={b.overdueMinor > 0 ? undefined : t("portalHome.noOverdue")}
        >
          {b.overdueMinor > 0 ? (
            <Anchor component={Link} to="/invoices?status=overdue" size="sm">
              {t("portalHome.viewOverdue")}
            </Anchor>
          ) : null}
        </FigureCard>
        <FigureCard
          title={t("portalHome.credits")}
          value={money(b.creditsMinor)}
          detail={t("portalHome.creditsHint")}
          testId={`home-credits-${b.currency}`}
        />
        <FigureCard
          title={t("portalHome.retainerOutstanding")}
          value={money(b.retainerOutstandingMinor)}
          detail={t("portalHome.retainerCount", { count: b.openRetainerCount })}
          testId={`home-retainers-${b.currency}`}
        >
          {b.openRetainerCount > 0 ? (
            <Anchor component={Link} to="/invoices?kind=retainer" size="sm">
              {t("portalHome.viewRetainers")}
            </Anchor>
          ) : null}
        </FigureCard>
        <FigureCard
          title={t("portalHome.retainerBalance")}
          value={money(b.retainerBalanceMinor)}
          detail={t("portalHome.retainerBalanceHint")}
          testId={`home-retainer-balance-${b.currency}`}
        />
      </SimpleGrid>
    </Stack>
  );
}
