import { Button, Card, EmptyState, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FactGrid } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { usePdfHref } from "../pdf-href.js";
import { PeriodPicker } from "./period-picker.js";
import { StatementAgingSummary } from "./statement-aging.js";
import { type StatementFilter, statementPath, usePortalStatement } from "./statement-api.js";
import { StatementReconciliationLine } from "./statement-reconciliation.js";
import { StatementTable } from "./statement-table.js";

/**
 * E9: the statement of account for a period (by default the server's: the last three months and this
 * one), in one currency at a time, on screen, as a PDF and printed (navigation and controls hidden).
 */
export function StatementPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState<StatementFilter>({});
  const statement = usePortalStatement(filter);
  const s = statement.data;
  // The period shown is the one the server answered, so its defaults appear in the picker too.
  const period: [string, string] | null = s ? [s.from, s.to] : null;
  const pdfFilter = s ? { from: s.from, to: s.to, currency: s.currency } : filter;
  const pdfHref = usePdfHref(statementPath(pdfFilter, true));

  return (
    <Stack>
      <Title order={1} size="h2">
        {t("statement.title")}
      </Title>
      <Text c="dimmed" size="sm" data-print="hide">
        {t("statement.intro")}
      </Text>
      <Group align="flex-end" justify="space-between" wrap="wrap" data-print="hide">
        <Group align="flex-end" wrap="wrap">
          <PeriodPicker value={period} onChange={([from, to]) => setFilter((x) => ({ ...x, from, to }))} />
          {s && s.currencies.length > 1 ? (
            <Select
              label={t("statement.currency")}
              data={s.currencies}
              value={s.currency}
              onChange={(currency) => setFilter((x) => ({ ...x, currency: currency ?? undefined }))}
              allowDeselect={false}
              w={120}
            />
          ) : null}
        </Group>
        <Group gap="xs">
          <Button component="a" href={pdfHref} download variant="default">
            {t("statement.downloadPdf")}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            {t("statement.print")}
          </Button>
        </Group>
      </Group>
      {statement.isPending ? <PageLoader /> : null}
      {statement.isError ? (
        <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />
      ) : null}
      {s ? (
        <Stack aria-busy={statement.isFetching} style={{ opacity: statement.isPlaceholderData ? 0.6 : 1 }}>
          <Card withBorder component="section" aria-labelledby="statement-summary-title">
            <Title order={2} size="h4" id="statement-summary-title" mb="xs">
              {t("statement.summary")} · {f.date(s.from)} – {f.date(s.to)}
            </Title>
            <FactGrid
              cols={{ base: 2, sm: 4 }}
              size="md"
              fw={600}
              facts={[
                [t("statement.openingBalance"), f.money(s.openingBalanceMinor, s.currency)],
                [t("statement.charges"), f.money(s.chargesMinor, s.currency)],
                [t("statement.credits"), f.money(s.creditsMinor, s.currency)],
                [t("statement.closingBalance"), f.money(s.closingBalanceMinor, s.currency)],
              ]}
            />
            <Text size="xs" c="dimmed" mt="xs">
              {t("statement.balanceHint")}
            </Text>
          </Card>
          {s.lines.length === 0 ? (
            <EmptyState
              title={t("statement.empty", { from: f.date(s.from), to: f.date(s.to) })}
              description={t("statement.emptyHint")}
              py="lg"
            />
          ) : (
            <StatementTable statement={s} />
          )}
          <StatementAgingSummary aging={s.aging} currency={s.currency} at={s.to} />
          <StatementReconciliationLine reconciliation={s.reconciliation} currency={s.currency} />
        </Stack>
      ) : null}
    </Stack>
  );
}
