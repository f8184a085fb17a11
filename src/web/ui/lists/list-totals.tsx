import { Button, Group, Loader, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ListTotals } from "../../../shared/contracts/list-page.js";
import { useFormat } from "../format.js";
import type { QueryStates } from "../query-states.js";

export interface TotalsText {
  /** How many rows match, e.g. "23 invoices". */
  count: (count: number) => string;
  /** The amount column's name ("Total", "Amount"); without it only the count shows. */
  amount?: string;
  /** The owed column's name (invoices' "Amount due"), shown when the server sums it. */
  due?: string;
}

/**
 * The count and the sums per currency of the whole filtered set (not the page), from the list's totals
 * route, beside the page. A status region: a screen reader hears the new count when a filter changes.
 * It keeps the previous figures while new ones load (marked busy), and says so when they fail.
 */
export function ListTotalsLine({ totals, text }: { totals: QueryStates<ListTotals>; text: TotalsText }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = totals.data;
  return (
    <Group gap="xs" wrap="wrap" role="status" aria-live="polite" aria-busy={totals.isPending} mih={28}>
      {totals.isPending ? (
        <>
          <Loader size="xs" aria-hidden />
          <Text size="sm" c="dimmed">
            {t("lists.totals.loading")}
          </Text>
        </>
      ) : null}
      {totals.isError && !data ? (
        <>
          <Text size="sm" c="red">
            {t("lists.totals.error")}
          </Text>
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => void totals.refetch()}>
            {t("common.retry")}
          </Button>
        </>
      ) : null}
      {data ? (
        <>
          <Text size="sm" fw={600} data-testid="list-count">
            {text.count(data.count)}
          </Text>
          {text.amount
            ? data.totals.map((c) => (
                <Text key={c.currency} size="sm" c="dimmed">
                  {"· "}
                  {text.amount}{" "}
                  <Text span inherit c="var(--mantine-color-text)" fw={500} style={{ whiteSpace: "nowrap" }}>
                    {f.money(c.amountMinor, c.currency)}
                  </Text>
                  {text.due && c.dueMinor !== undefined ? (
                    <>
                      {", "}
                      {text.due}{" "}
                      <Text
                        span
                        inherit
                        c="var(--mantine-color-text)"
                        fw={500}
                        style={{ whiteSpace: "nowrap" }}
                      >
                        {f.money(c.dueMinor, c.currency)}
                      </Text>
                    </>
                  ) : null}
                </Text>
              ))
            : null}
        </>
      ) : null}
    </Group>
  );
}
