import { Button, Card, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PurchaseHistory } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { type Column, cardCell, ResponsiveTable } from "../../ui/responsive-table.js";
import { usePurchaseHistory } from "./home-api.js";

const PERIODS = [6, 12, 24] as const;

// Charts (recharts) are the portal's heaviest library: loaded with the home page's figures, not before.
const HistoryChart = lazy(() => import("./history-chart.js").then((m) => ({ default: m.HistoryChart })));

/** "2026-11" as a month name in the reader's language; UTC so no time zone moves it to October. */
function useMonthLabels() {
  const f = useFormat();
  return useMemo(() => {
    const short = new Intl.DateTimeFormat(f.locale, { month: "short", year: "2-digit", timeZone: "UTC" });
    const long = new Intl.DateTimeFormat(f.locale, { month: "long", year: "numeric", timeZone: "UTC" });
    const at = (ym: string) => new Date(`${ym}-01T00:00:00Z`);
    return { short: (ym: string) => short.format(at(ym)), long: (ym: string) => long.format(at(ym)) };
  }, [f.locale]);
}

/**
 * E2: paid and pending per month, stacked. The chart is for the eye only (aria-hidden); the same figures
 * are a table that screen readers always get and anyone can show. On a phone the amounts' axis goes
 * (the tooltip and the table carry the amounts) so the bars keep the width. Recharts' keyboard layer is off:
 * a focusable chart inside aria-hidden would be a tab stop screen readers cannot name.
 */
export function PurchaseHistoryCard({ defaultCurrency }: { defaultCurrency: string }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState<number>(12);
  const [currency, setCurrency] = useState(defaultCurrency);
  const [showTable, setShowTable] = useState(false);
  const history = usePurchaseHistory(months, currency);
  const currencies = history.data?.currencies ?? [defaultCurrency];

  return (
    <Card withBorder component="section" aria-labelledby="history-title" data-testid="purchase-history">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Title order={2} size="h4" id="history-title">
              {t("portalHome.history.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("portalHome.history.intro")}
            </Text>
          </div>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t("portalHome.history.period")}
              data={PERIODS.map((n) => ({
                value: String(n),
                label: t("portalHome.history.months", { count: n }),
              }))}
              value={String(months)}
              onChange={(value) => setMonths(Number(value ?? 12))}
              allowDeselect={false}
              w={170}
            />
            {currencies.length > 1 ? (
              <Select
                label={t("portalHome.history.currency")}
                data={currencies}
                value={currency}
                onChange={(value) => setCurrency(value ?? defaultCurrency)}
                allowDeselect={false}
                w={100}
              />
            ) : null}
          </Group>
        </Group>
        {history.isPending ? <PageLoader /> : null}
        {history.isError ? <ErrorState error={history.error} onRetry={() => void history.refetch()} /> : null}
        {history.data ? (
          <HistoryFigures
            data={history.data}
            showTable={showTable}
            onToggle={() => setShowTable((v) => !v)}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

function HistoryFigures({
  data,
  showTable,
  onToggle,
}: {
  data: PurchaseHistory;
  showTable: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useMonthLabels();
  const phone = useMediaQuery("(max-width: 36em)");
  const money = (minor: number) => f.money(minor, data.currency);
  const rows = data.months.map((m) => ({
    month: label.short(m.month),
    paid: m.paidMinor,
    pending: m.pendingMinor,
  }));
  const table = <HistoryTable data={data} />;
  return (
    <>
      {data.totals.invoiceCount === 0 ? (
        <Text size="sm" c="dimmed">
          {t("portalHome.history.empty")}
        </Text>
      ) : (
        <div aria-hidden="true" data-testid="history-chart" style={{ minHeight: 260 }}>
          <Suspense fallback={null}>
            <HistoryChart rows={rows} money={money} withYAxis={!phone} />
          </Suspense>
        </div>
      )}
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">
          {t("portalHome.history.invoiced")}: <b>{money(data.totals.invoicedMinor)}</b> ·{" "}
          {t("portalHome.history.paid")}: <b>{money(data.totals.paidMinor)}</b> ·{" "}
          {t("portalHome.history.pending")}: <b>{money(data.totals.pendingMinor)}</b>
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={onToggle} aria-expanded={showTable}>
          {showTable ? t("portalHome.history.hideTable") : t("portalHome.history.showTable")}
        </Button>
      </Group>
      {showTable ? table : <VisuallyHidden>{table}</VisuallyHidden>}
    </>
  );
}

function HistoryTable({ data }: { data: PurchaseHistory }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useMonthLabels();
  const money = (minor: number) => f.money(minor, data.currency);
  const header = {
    invoiced: t("portalHome.history.invoiced"),
    paid: t("portalHome.history.paid"),
    pending: t("portalHome.history.pending"),
  };
  const caption = t("portalHome.history.tableCaption", {
    currency: data.currency,
    from: label.long(data.from),
    to: label.long(data.to),
  });
  const columns: Column<PurchaseHistory["months"][number]>[] = [
    { key: "month", header: t("portalHome.history.month"), kind: "title", cell: (m) => label.long(m.month) },
    { key: "invoiced", header: header.invoiced, kind: "money", cell: (m) => money(m.invoicedMinor) },
    { key: "paid", header: header.paid, kind: "money", cell: (m) => money(m.paidMinor) },
    { key: "pending", header: header.pending, kind: "money", cell: (m) => money(m.pendingMinor) },
  ];
  return (
    <ResponsiveTable
      label={caption}
      caption={caption}
      rows={data.months}
      rowKey={(m) => m.month}
      columns={columns}
      scrolls={false}
      testId="history-table"
      footer={
        <Table.Tr>
          <Table.Th scope="row" {...cardCell("title")}>
            {t("portalHome.history.total")}
          </Table.Th>
          <Table.Td {...cardCell("money", header.invoiced)}>{money(data.totals.invoicedMinor)}</Table.Td>
          <Table.Td {...cardCell("money", header.paid)}>{money(data.totals.paidMinor)}</Table.Td>
          <Table.Td {...cardCell("money", header.pending)}>{money(data.totals.pendingMinor)}</Table.Td>
        </Table.Tr>
      }
    />
  );
}
