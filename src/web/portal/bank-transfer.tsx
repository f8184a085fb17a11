import { Button, Card, Code, CopyButton, Group, Image, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { groupIban } from "../../shared/bank-account.js";
import type { PortalInvoiceDetail } from "../../shared/contracts/index.js";
import { FactGrid } from "../ui/fact.js";
import { useFormat } from "../ui/format.js";
import { portalApi } from "./slug.js";

type BankTransfer = NonNullable<PortalInvoiceDetail["bankTransfer"]>;
type Invoice = Pick<PortalInvoiceDetail, "id" | "number" | "dueMinor" | "currency">;

/** A value people type into their bank's form, with a button that copies it exactly (no spaces). */
function Copyable({ label, shown, value }: { label: string; shown: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Code fz="sm">{shown}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="light" color={copied ? "teal" : undefined} onClick={copy}>
            <span aria-live="polite">
              {copied ? t("portal.detail.copied", { what: label }) : t("portal.detail.copy", { what: label })}
            </span>
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * Transfer details of an invoice still due (issue 13), for any currency; for an open euro invoice the
 * EPC QR code too, which banking apps scan to fill in the beneficiary, IBAN, amount and reference.
 */
export function BankTransferBlock({ bank, invoice }: { bank: BankTransfer; invoice: Invoice }) {
  const { t } = useTranslation();
  const f = useFormat();
  const amount = f.money(invoice.dueMinor, invoice.currency);
  const ibanLabel = t("portal.detail.iban");
  const referenceLabel = t("portal.detail.reference");
  const rows: [string, ReactNode][] = [
    [
      t("portal.detail.beneficiary"),
      <Code key="beneficiary" fz="sm">
        {bank.beneficiary}
      </Code>,
    ],
    [ibanLabel, <Copyable key="iban" label={ibanLabel} shown={groupIban(bank.iban)} value={bank.iban} />],
  ];
  if (bank.bic)
    rows.push([
      t("portal.detail.bic"),
      <Code key="bic" fz="sm">
        {bank.bic}
      </Code>,
    ]);
  if (invoice.number)
    rows.push([
      referenceLabel,
      <Copyable key="reference" label={referenceLabel} shown={invoice.number} value={invoice.number} />,
    ]);
  rows.push([
    t("portal.detail.transferAmount"),
    <Code key="amount" fz="sm">
      {amount}
    </Code>,
  ]);
  return (
    <Card withBorder component="section" aria-labelledby="bank-title">
      <Title order={2} size="h5" id="bank-title" mb={4}>
        {t("portal.detail.bankTitle")}
      </Title>
      <Text size="sm" mb="sm">
        {t("portal.detail.bankIntro")}
      </Text>
      <Group align="flex-start" gap="lg">
        <FactGrid cols={{ base: 1, xs: 2 }} spacing="xs" size="md" facts={rows} />
        {bank.qrCode ? (
          <Stack gap={4} align="center" maw={180}>
            <Image
              src={portalApi(`/invoices/${encodeURIComponent(invoice.id)}/transfer-qr.svg`)}
              alt={t("portal.detail.qrAlt", { amount, reference: invoice.number ?? "" })}
              w={160}
              h={160}
              bg="white"
            />
            <Text size="xs" c="dimmed" ta="center">
              {t("portal.detail.qrHelp")}
            </Text>
          </Stack>
        ) : null}
      </Group>
    </Card>
  );
}
