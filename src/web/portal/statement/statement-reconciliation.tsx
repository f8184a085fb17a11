import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { StatementReconciliation } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";

/**
 * Decision 017: under the aging, how its total and the closing balance meet, so the two figures on one
 * page never seem to contradict each other.
 */
export function StatementReconciliationLine({
  reconciliation: r,
  currency,
}: {
  reconciliation: StatementReconciliation;
  currency: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (minor: number) => f.money(minor, currency);
  return (
    <section aria-labelledby="statement-reconciliation-title">
      <Text component="h2" size="sm" fw={600} m={0} id="statement-reconciliation-title">
        {t("moneyFigures.reconciliationTitle")}
      </Text>
      <Text fw={600} data-testid="statement-reconciliation">
        {t("moneyFigures.reconciliation", {
          due: money(r.invoicesDueMinor),
          credit: money(r.creditAvailableMinor),
          balance: money(r.balanceMinor),
        })}
      </Text>
      {r.creditAvailableMinor !== 0 ? (
        <Text size="sm" c="dimmed">
          {t("moneyFigures.reconciliationHint")}
        </Text>
      ) : null}
    </section>
  );
}
