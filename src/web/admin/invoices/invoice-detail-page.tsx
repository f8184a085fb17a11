import { Anchor, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Allocation, InvoiceDetail } from "../../../shared/contracts/index.js";
import { CommentsThread } from "../../ui/comments/comments-thread.js";
import { useFormat } from "../../ui/format.js";
import { InvoiceLinesTable } from "../../ui/invoice-lines-table.js";
import { TaxBreakdownTable, TotalsTable } from "../../ui/invoice-totals.js";
import { LongText } from "../../ui/long-text.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { PaymentsTable } from "../../ui/payments-table.js";
import { InvoiceStatusBadge } from "../../ui/status-badge.js";
import { DocumentActivity } from "../customers/customer-activity.js";
import { CreditSection } from "./credit-section.js";
import { InvoiceActions } from "./invoice-actions.js";
import { documentTitle } from "./invoice-kinds.js";
import { useInvoice } from "./invoices-api.js";

export function InvoiceDetailPage() {
  const { id = "" } = useParams();
  const invoice = useInvoice(id);
  if (invoice.isPending) return <PageLoader />;
  if (invoice.isError) return <ErrorState error={invoice.error} onRetry={() => void invoice.refetch()} />;
  return <InvoiceView invoice={invoice.data} onReload={() => void invoice.refetch()} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Payments open on their own page; a credit note or a retainer on the invoice page. */
function sourceHref(a: Allocation): string {
  return a.sourceType === "payment" ? `/payments/${a.sourceId}` : `/invoices/${a.sourceId}`;
}

function InvoiceView({ invoice, onReload }: { invoice: InvoiceDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = documentTitle(t, invoice);
  const isCredit = invoice.kind === "credit_note";

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm">
          <Title order={1} size="h2">
            {title}
          </Title>
          <InvoiceStatusBadge status={invoice.status} isOverdue={invoice.isOverdue} />
        </Group>
        <InvoiceActions invoice={invoice} />
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
          <Fact label={t("invoice.customer")}>
            <Anchor component={Link} to={`/customers/${invoice.customerId}`}>
              {invoice.customerName}
            </Anchor>
          </Fact>
          <Fact label={t("invoice.issueDate")}>{f.date(invoice.issueDate)}</Fact>
          <Fact label={t("invoice.dueDate")}>{f.date(invoice.dueDate)}</Fact>
          {isCredit ? (
            <Fact label={t("moneyAdmin.credit.creditNote.available")}>
              {f.money(invoice.availableMinor, invoice.currency)}
            </Fact>
          ) : (
            <Fact label={t("invoice.amountDue")}>{f.money(invoice.dueMinor, invoice.currency)}</Fact>
          )}
          {invoice.correctsInvoiceId ? (
            <Fact label={t("moneyAdmin.editor.corrects")}>
              <Anchor component={Link} to={`/invoices/${invoice.correctsInvoiceId}`}>
                {invoice.correctsInvoiceNumber}
              </Anchor>
            </Fact>
          ) : null}
        </SimpleGrid>
        {invoice.viewedAt ? (
          <Text size="xs" c="dimmed" mt="sm">
            {t("admin.detail.viewedAt", { date: f.dateTime(invoice.viewedAt) })}
          </Text>
        ) : null}
      </Card>
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
      {invoice.kind !== "invoice" ? <CreditSection invoice={invoice} onReload={onReload} /> : null}
      {isCredit ? null : (
        <Card withBorder component="section" aria-labelledby="payments-title">
          <Title order={2} size="h4" mb="xs" id="payments-title">
            {t("invoice.payments")}
          </Title>
          <PaymentsTable
            allocations={invoice.allocations}
            currency={invoice.currency}
            sourceHref={sourceHref}
          />
        </Card>
      )}
      <CommentsThread side="staff" documentType="invoice" documentId={invoice.id} />
      {invoice.status !== "draft" ? (
        <DocumentActivity documentType="invoice" documentId={invoice.id} />
      ) : null}
    </Stack>
  );
}
