import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { useTranslation } from "react-i18next";

export interface HistoryChartRow {
  month: string;
  paid: number;
  pending: number;
}

/**
 * The purchase history's stacked bars, in a chunk of their own (with recharts) that the home page loads
 * lazily: nothing else in the portal draws a chart.
 */
export function HistoryChart(props: {
  rows: HistoryChartRow[];
  money: (minor: number) => string;
  withYAxis: boolean;
}) {
  const { t } = useTranslation();
  return (
    <BarChart
      h={260}
      data={props.rows}
      dataKey="month"
      type="stacked"
      series={[
        { name: "paid", label: t("portalHome.history.paid"), color: "teal.6" },
        { name: "pending", label: t("portalHome.history.pending"), color: "orange.5" },
      ]}
      valueFormatter={props.money}
      withLegend
      withYAxis={props.withYAxis}
      yAxisProps={{ width: 90 }}
      gridAxis="y"
      tickLine="none"
      maxBarWidth={40}
      accessibilityLayer={false}
    />
  );
}
