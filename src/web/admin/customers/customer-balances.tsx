import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CustomerBalance } from "../../../shared/contracts/index.js";
import { Fact } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { useCustomerBalances } from "../payments/payments-api.js";

/** What the customer owes and holds, per currency (A8, A9, A10), with the ways to act on it. */
export function CustomerBalancesCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const balances = useCustomerBalances(customerId);
  const rows = balances.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="balances-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="balances-title">
          {t("moneyAdmin.balances.title")}
        </Title>
        <Group gap="xs">
          <Button component={Link} to={`/payments/new?customerId=${customerId}`} size="xs">
            {t("moneyAdmin.record.title")}
          </Button>
          <Button component={Link} to={`/payments?customerId=${customerId}`} size="xs" variant="default">
            {t("moneyAdmin.balances.payments")}
          </Button>
        </Group>
      </Group>
      {balances.isPending ? (
        <Text c="dimmed" size="sm" role="status">
          {t("common.loading")}
        </Text>
      ) : null}
      <ErrorAlert error={balances.error} />
      {balances.isSuccess && rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("moneyAdmin.balances.empty")}
        </Text>
      ) : null}
      <Stack gap="md">
        {rows.map((b) => (
          <BalanceFigures
            key={b.currency}
            balance={b}
            customerId={customerId}
            showCurrency={rows.length > 1}
          />
        ))}
      </Stack>
    </Card>
  );
}

function BalanceFigures({
  balance: b,
  customerId,
  showCurrency,
}: {
  balance: CustomerBalance;
  customerId: string;
  showCurrency: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (minor: number) => f.money(minor, b.currency);
  return (
    <div>
      {showCurrency ? (
        <Text size="sm" fw={600} mb={4}>
          {b.currency}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 5 }} component="dl" m={0}>
        <Fact label={t("moneyAdmin.balances.outstanding")}>
          <Anchor component={Link} to={`/invoices?customerId=${customerId}&kind=invoice`}>
            {money(b.outstandingMinor)}
          </Anchor>
          <Text size="xs" c="dimmed" component="span" display="block">
            {t("moneyAdmin.balances.openInvoices", { count: b.openInvoiceCount })}
          </Text>
        </Fact>
        <Fact label={t("moneyAdmin.balances.overdue")}>
          <Text span c={b.overdueMinor > 0 ? "red" : undefined} inherit>
            {money(b.overdueMinor)}
          </Text>
        </Fact>
        <Fact label={t("moneyAdmin.balances.credits")}>{money(b.creditsMinor)}</Fact>
        <Fact label={t("moneyAdmin.balances.retainerBalance")}>
          {money(b.retainerBalanceMinor)}
          {b.openRetainerCount > 0 ? (
            <Text size="xs" c="dimmed" component="span" display="block">
              {t("moneyAdmin.balances.retainerOutstanding", {
                count: b.openRetainerCount,
                amount: money(b.retainerOutstandingMinor),
              })}
            </Text>
          ) : null}
        </Fact>
        <Fact label={t("moneyAdmin.balances.balance")}>
          <Text span fw={700} inherit>
            {money(b.balanceMinor)}
          </Text>
        </Fact>
      </SimpleGrid>
    </div>
  );
}
