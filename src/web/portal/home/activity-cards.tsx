import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalHome } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { FigureCard } from "./balance-cards.js";

/** The last payment received. */
export function LastPaymentCard({ payment }: { payment: PortalHome["lastPayment"] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!payment)
    return <FigureCard title={t("portalHome.lastPayment")} value="—" detail={t("portalHome.noPayments")} />;
  return (
    <FigureCard
      title={t("portalHome.lastPayment")}
      value={f.money(payment.amountMinor, payment.currency)}
      testId="home-last-payment"
      detail={
        <>
          {t("portalHome.paidOn", { date: f.date(payment.paidOn) })} ·{" "}
          {t("portalHome.receipt", { number: payment.number })}
        </>
      }
    />
  );
}

/** What waits for the contact: quotes to answer, and timesheets to approve when projects are shown (C4). */
export function AwaitingCard({ home }: { home: PortalHome }) {
  const { t } = useTranslation();
  return (
    <FigureCard
      title={t("portalHome.awaiting")}
      value={String(home.quotesAwaiting + (home.allows.timesheets ? home.timesheetsAwaiting : 0))}
      testId="home-awaiting"
    >
      <Stack gap={2}>
        <Text size="sm">
          {home.quotesAwaiting > 0
            ? t("portalHome.quotesAwaiting", { count: home.quotesAwaiting })
            : t("portalHome.noQuotesAwaiting")}
        </Text>
        {home.allows.timesheets ? (
          <Anchor component={Link} to="/timesheets?status=pending" size="sm">
            {t("portalHome.timesheetsAwaiting", { count: home.timesheetsAwaiting })}
          </Anchor>
        ) : null}
      </Stack>
      <Anchor component={Link} to="/quotes" size="sm">
        {t("portalHome.viewQuotes")}
      </Anchor>
    </FigureCard>
  );
}
