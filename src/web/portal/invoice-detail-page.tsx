import { Anchor, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PortalInvoiceDetail } from "../../shared/contracts/index.js";
import { CommentsThread } from "../ui/comments/comments-thread.js";
import { useFormat } from "../ui/format.js";
import { InvoiceLinesTable } from "../ui/invoice-lines-table.js";
import { TaxBreakdownTable, TotalsTable } from "../ui/invoice-totals.js";
import { LongText } from "../ui/long-text.js";
import { PaymentsTable } from "../ui/payments-table.js";
import { QueryDetail } from "../ui/query-states.js";
import { InvoiceStatusBadge } from "../ui/status-badge.js";
import { BankTransferBlock } from "./bank-transfer.js";
import { PayButton } from "./pay-button.js";
import { PaymentBanner, usePaymentOutcome } from "./payment-banner.js";
import { CreditAvailable } from "./payments/credit-available.js";
import { usePdfHref } from "./pdf-href.js";
import { usePortalInvoice } from "./portal-api.js";
import { ShareDocument } from "./share-document.js";
import { portalApi } from "./slug.js";

export function InvoiceDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const outcome = usePaymentOutcome();
  const invoice = usePortalInvoice(id, { pollUntilPaid: outcome === "succeeded" });
  return (
    <Stack>
      <Group data-print="hide">
        <Anchor component={Link} to="/invoices" size="sm">
          ← {t("portal.detail.backToList")}
        </Anchor>
      </Group>
      <PaymentBanner />
      <QueryDetail query={invoice}>{(data) => <InvoiceView invoice={data} />}</QueryDetail>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

function InvoiceView({ invoice }: { invoice: PortalInvoiceDetail }) {
  const { t } = useTranslation();
  const pdfHref = usePdfHref(portalApi(`/invoices/${invoice.id}/pdf`));
  const f = useFormat();
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm">
          <Title order={1} size="h2">
            {t("portal.detail.title", { number: invoice.number ?? "" })}
          </Title>
          <InvoiceStatusBadge status={invoice.status} isOverdue={invoice.isOverdue} />
        </Group>
        <Group gap="xs" data-print="hide">
          <Button component="a" href={pdfHref} download variant="default">
            {t("portal.detail.downloadPdf")}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            {t("portal.detail.print")}
          </Button>
          <ShareDocument documentType="invoice" documentId={invoice.id} />
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
          <Fact label={t("invoice.issueDate")}>{f.date(invoice.issueDate)}</Fact>
          <Fact label={t("invoice.dueDate")}>{f.date(invoice.dueDate)}</Fact>
          <Fact label={t("invoice.total")}>{f.money(invoice.totalMinor, invoice.currency)}</Fact>
          <Fact label={t("invoice.amountDue")}>{f.money(invoice.dueMinor, invoice.currency)}</Fact>
        </SimpleGrid>
      </Card>
      {invoice.kind === "credit_note" ? <CreditAvailable invoice={invoice} /> : null}
      {invoice.canPay || invoice.bankTransfer ? (
        <Grid data-print="hide">
          {invoice.canPay ? (
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Card withBorder h="100%">
                <Stack gap="xs">
                  <Text size="sm">
                    {t("invoice.amountDue")}: <strong>{f.money(invoice.dueMinor, invoice.currency)}</strong>
                  </Text>
                  <PayButton invoice={invoice} />
                </Stack>
              </Card>
            </Grid.Col>
          ) : null}
          {invoice.bankTransfer ? (
            <Grid.Col span={{ base: 12, sm: invoice.canPay ? 8 : 12 }}>
              <BankTransferBlock bank={invoice.bankTransfer} reference={invoice.number} />
            </Grid.Col>
          ) : null}
        </Grid>
      ) : null}
      <InvoiceLinesTable lines={invoice.lines} currency={invoice.currency} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TaxBreakdownTable totals={invoice} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TotalsTable totals={invoice} />
        </Grid.Col>
      </Grid>
      {invoice.notes ? <LongText label={t("invoice.notes")} text={invoice.notes} /> : null}
      {invoice.terms ? <LongText label={t("invoice.terms")} text={invoice.terms} /> : null}
      {invoice.allocations.length > 0 ? (
        <section aria-labelledby="payments-title">
          <Title order={2} size="h4" mb="xs" id="payments-title">
            {t("invoice.payments")}
          </Title>
          <PaymentsTable allocations={invoice.allocations} currency={invoice.currency} />
        </section>
      ) : null}
      <div data-print="hide">
        <CommentsThread side="portal" documentType="invoice" documentId={invoice.id} />
      </div>
    </Stack>
  );
}
