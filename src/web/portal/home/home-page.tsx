import { SimpleGrid, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { OrgContactBlock } from "../account/org-contact.js";
import { useContactMe } from "../portal-api.js";
import { AccountCard } from "./account-card.js";
import { AwaitingCard, LastPaymentCard } from "./activity-cards.js";
import { BalanceCards } from "./balance-cards.js";
import { usePortalHome } from "./home-api.js";
import { PurchaseHistoryCard } from "./purchase-history-card.js";

/**
 * E1: the portal's index page. What the customer owes and holds (per currency), its last payment, what
 * waits for an answer, the purchase history (E2), its account and the organisation's contact details
 * (from /me, already filtered by C4). "Pay now" is left out in a staff preview (C6).
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useContactMe().data;
  const home = usePortalHome();
  if (home.isPending) return <PageLoader />;
  if (home.isError) return <ErrorState error={home.error} onRetry={() => void home.refetch()} />;
  const h = home.data;
  const canPay = h.allows.payAll && !me?.preview;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {me ? t("portalHome.welcome", { name: me.contact.name }) : t("portalHome.title")}
      </Title>
      <Stack gap="sm" component="section" aria-labelledby="home-figures-title">
        <Title order={2} size="h4" id="home-figures-title">
          {t("portalHome.figures")}
        </Title>
        {h.balances.map((b) => (
          <BalanceCards
            key={b.currency}
            balance={b}
            showCurrency={h.balances.length > 1}
            canPay={canPay}
            payGateways={h.allows.payAllGateways.find((g) => g.currency === b.currency)?.gateways}
            canApplyCredit={me ? !me.preview : false}
          />
        ))}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <LastPaymentCard payment={h.lastPayment} />
          <AwaitingCard home={h} />
        </SimpleGrid>
      </Stack>
      <PurchaseHistoryCard defaultCurrency={h.balances[0]?.currency ?? "EUR"} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <AccountCard account={h.account} contacts={h.contacts} />
        {me ? <OrgContactBlock org={me.org} /> : null}
      </SimpleGrid>
    </Stack>
  );
}
