import { Card, Code, SimpleGrid, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PortalInvoiceDetail } from "../../shared/contracts/index.js";

type BankTransfer = NonNullable<PortalInvoiceDetail["bankTransfer"]>;

export function BankTransferBlock({ bank, reference }: { bank: BankTransfer; reference: string | null }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t("portal.detail.beneficiary"), bank.beneficiary],
    [t("portal.detail.iban"), bank.iban.replace(/(.{4})/g, "$1 ").trim()],
  ];
  if (bank.bic) rows.push([t("portal.detail.bic"), bank.bic]);
  if (reference) rows.push([t("portal.detail.reference"), reference]);
  return (
    <Card withBorder component="section" aria-labelledby="bank-title">
      <Title order={2} size="h5" id="bank-title" mb={4}>
        {t("portal.detail.bankTitle")}
      </Title>
      <Text size="sm" mb="sm">
        {t("portal.detail.bankIntro")}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} component="dl" m={0} spacing="xs">
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed" component="dt">
              {label}
            </Text>
            <Text component="dd" m={0}>
              <Code fz="sm">{value}</Code>
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
