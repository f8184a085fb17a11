import { Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PortalInvoiceDetail } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";

/** A credit note asks for no payment: the portal shows the credit it leaves instead of "Pay now". */
export function CreditAvailable({
  invoice,
}: {
  invoice: Pick<PortalInvoiceDetail, "availableMinor" | "currency">;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const amount = f.money(invoice.availableMinor, invoice.currency);
  return (
    <Card withBorder data-print="hide">
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t("receipts.credit.title")}
        </Title>
        {invoice.availableMinor > 0 ? (
          <>
            <Text size="xl" fw={700}>
              {amount}
            </Text>
            <Text size="sm">{t("receipts.credit.body", { amount })}</Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t("receipts.credit.usedUp")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
