import { Card, Code, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PortalInvoiceDetail } from "../../shared/contracts/index.js";
import { FactGrid } from "../ui/fact.js";

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
      <FactGrid
        cols={{ base: 1, xs: 2 }}
        spacing="xs"
        size="md"
        facts={rows.map(([label, value]) => [
          label,
          <Code key={label} fz="sm">
            {value}
          </Code>,
        ])}
      />
    </Card>
  );
}
