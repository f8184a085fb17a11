import { Alert, Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { QuoteDetail } from "../../../shared/contracts/index.js";
import { CommentsThread } from "../../ui/comments/comments-thread.js";
import { useFormat } from "../../ui/format.js";
import { InvoiceLinesTable } from "../../ui/invoice-lines-table.js";
import { TaxBreakdownTable, TotalsTable } from "../../ui/invoice-totals.js";
import { LongText } from "../../ui/long-text.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { QuoteVersions } from "../../ui/quote-versions.js";
import { QuoteStatusBadge } from "../../ui/status-badge.js";
import { DocumentActivity } from "../customers/customer-activity.js";
import { QuoteActions } from "./quote-actions.js";
import { QuoteEvidence } from "./quote-evidence.js";
import { useQuote } from "./quotes-api.js";

export function QuoteDetailPage() {
  const { id = "" } = useParams();
  const quote = useQuote(id);
  if (quote.isPending) return <PageLoader />;
  if (quote.isError) return <ErrorState error={quote.error} onRetry={() => void quote.refetch()} />;
  return <QuoteView quote={quote.data} />;
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

function QuoteView({ quote }: { quote: QuoteDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = quote.displayNumber
    ? t("quotes.detail.title", { number: quote.displayNumber })
    : t("quotes.detail.draftTitle");

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm">
          <Title order={1} size="h2">
            {title}
          </Title>
          <QuoteStatusBadge status={quote.status} />
          {quote.requireSignature ? (
            <Badge variant="outline" color="gray">
              {t("quotes.detail.signatureRequired")}
            </Badge>
          ) : null}
        </Group>
        <QuoteActions quote={quote} />
      </Group>
      {quote.status === "superseded" && quote.latestId !== quote.id ? (
        <Alert color="gray">
          {t("quotes.detail.supersededNote")}{" "}
          <Anchor component={Link} to={`/quotes/${quote.latestId}`}>
            {t("quotes.detail.openLatest")}
          </Anchor>
        </Alert>
      ) : null}
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
          <Fact label={t("quotes.field.customer")}>
            <Anchor component={Link} to={`/customers/${quote.customerId}`}>
              {quote.customerName}
            </Anchor>
          </Fact>
          <Fact label={t("quotes.field.issueDate")}>{f.date(quote.issueDate)}</Fact>
          <Fact label={t("quotes.field.expiryDate")}>
            {quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry")}
          </Fact>
          <Fact label={t("quotes.field.total")}>{f.money(quote.totalMinor, quote.currency)}</Fact>
        </SimpleGrid>
        {quote.sentAt || quote.viewedAt ? (
          <Text size="xs" c="dimmed" mt="sm">
            {[
              quote.sentAt ? t("quotes.detail.sentAt", { date: f.dateTime(quote.sentAt) }) : "",
              quote.viewedAt ? t("quotes.detail.viewedAt", { date: f.dateTime(quote.viewedAt) }) : "",
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        ) : null}
      </Card>
      {quote.declinedAt ? (
        <Alert color="red" title={t("quotes.detail.declined", { date: f.dateTime(quote.declinedAt) })}>
          {quote.declineReason ? (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {t("quotes.detail.declineReason")}: {quote.declineReason}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <InvoiceLinesTable lines={quote.lines} currency={quote.currency} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TaxBreakdownTable totals={quote} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TotalsTable totals={quote} />
        </Grid.Col>
      </Grid>
      {quote.notes ? <LongText label={t("invoice.notes")} text={quote.notes} /> : null}
      {quote.terms ? <LongText label={t("invoice.terms")} text={quote.terms} /> : null}
      {quote.acceptance ? <QuoteEvidence quoteId={quote.id} evidence={quote.acceptance} /> : null}
      <QuoteVersions
        versions={quote.versions}
        currentId={quote.id}
        currency={quote.currency}
        pathOf={(id) => `/quotes/${id}`}
      />
      <CommentsThread side="staff" documentType="quote" documentId={quote.id} />
      {quote.status !== "draft" ? <DocumentActivity documentType="quote" documentId={quote.id} /> : null}
    </Stack>
  );
}
