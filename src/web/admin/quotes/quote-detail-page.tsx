import { Alert, Anchor, Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { QuoteDetail } from "../../../shared/contracts/index.js";
import { CommentsThread } from "../../ui/comments/comments-thread.js";
import { DocumentDetail } from "../../ui/documents/document-detail.js";
import { useFormat } from "../../ui/format.js";
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

function QuoteView({ quote }: { quote: QuoteDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = quote.displayNumber
    ? t("quotes.detail.title", { number: quote.displayNumber })
    : t("quotes.detail.draftTitle");

  return (
    <DocumentDetail
      doc={quote}
      title={title}
      badges={
        <>
          <QuoteStatusBadge status={quote.status} />
          {quote.requireSignature ? (
            <Badge variant="outline" color="gray">
              {t("quotes.detail.signatureRequired")}
            </Badge>
          ) : null}
        </>
      }
      actions={<QuoteActions quote={quote} />}
      notice={
        quote.status === "superseded" && quote.latestId !== quote.id ? (
          <Alert color="gray">
            {t("quotes.detail.supersededNote")}{" "}
            <Anchor component={Link} to={`/quotes/${quote.latestId}`}>
              {t("quotes.detail.openLatest")}
            </Anchor>
          </Alert>
        ) : null
      }
      facts={[
        {
          label: t("quotes.field.customer"),
          value: (
            <Anchor component={Link} to={`/customers/${quote.customerId}`}>
              {quote.customerName}
            </Anchor>
          ),
        },
        { label: t("quotes.field.issueDate"), value: f.date(quote.issueDate) },
        {
          label: t("quotes.field.expiryDate"),
          value: quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry"),
        },
        { label: t("quotes.field.total"), value: f.money(quote.totalMinor, quote.currency) },
      ]}
      footnote={[
        quote.sentAt ? t("quotes.detail.sentAt", { date: f.dateTime(quote.sentAt) }) : "",
        quote.viewedAt ? t("quotes.detail.viewedAt", { date: f.dateTime(quote.viewedAt) }) : "",
      ]
        .filter(Boolean)
        .join(" · ")}
      beforeLines={
        quote.declinedAt ? (
          <Alert color="red" title={t("quotes.detail.declined", { date: f.dateTime(quote.declinedAt) })}>
            {quote.declineReason ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {t("quotes.detail.declineReason")}: {quote.declineReason}
              </Text>
            ) : null}
          </Alert>
        ) : null
      }
    >
      {quote.acceptance ? <QuoteEvidence quoteId={quote.id} evidence={quote.acceptance} /> : null}
      <QuoteVersions
        versions={quote.versions}
        currentId={quote.id}
        currency={quote.currency}
        pathOf={(id) => `/quotes/${id}`}
      />
      <CommentsThread side="staff" documentType="quote" documentId={quote.id} />
      {quote.status !== "draft" ? <DocumentActivity documentType="quote" documentId={quote.id} /> : null}
    </DocumentDetail>
  );
}
