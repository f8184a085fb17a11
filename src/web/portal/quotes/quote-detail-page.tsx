import { Alert, Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PortalQuoteDetail } from "../../../shared/contracts/index.js";
import { CommentsThread } from "../../ui/comments/comments-thread.js";
import { DocumentDetail } from "../../ui/documents/document-detail.js";
import { useFormat } from "../../ui/format.js";
import { QueryDetail } from "../../ui/query-states.js";
import { QuoteVersions } from "../../ui/quote-versions.js";
import { QuoteStatusBadge } from "../../ui/status-badge.js";
import { PortalDocumentActions } from "../document-actions.js";
import { useContactMe } from "../portal-api.js";
import { AcceptQuoteModal, DeclineQuoteModal } from "./answer-quote-modals.js";
import { usePortalQuote } from "./quotes-api.js";

export function PortalQuoteDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const quote = usePortalQuote(id);
  return (
    <Stack>
      <Group data-print="hide">
        <Anchor component={Link} to="/quotes" size="sm">
          ← {t("quotes.portal.backToList")}
        </Anchor>
      </Group>
      <QueryDetail query={quote}>
        {(data) => <QuoteView key={data.id} quote={data} onReload={() => void quote.refetch()} />}
      </QueryDetail>
    </Stack>
  );
}

function QuoteView({ quote, onReload }: { quote: PortalQuoteDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useContactMe().data;
  const [acceptOpened, acceptModal] = useDisclosure(false);
  const [declineOpened, declineModal] = useDisclosure(false);
  // The server decides canAnswer (status, C4 option, preview); the option is checked here too so a
  // switched-off portal never shows the buttons between a settings change and the next fetch.
  const canAnswer = quote.canAnswer && Boolean(me?.features.allowQuoteAcceptance) && !me?.preview;
  const reload = () => {
    acceptModal.close();
    declineModal.close();
    onReload();
  };

  return (
    <DocumentDetail
      doc={quote}
      title={t("quotes.detail.title", { number: quote.displayNumber ?? "" })}
      badges={<QuoteStatusBadge status={quote.status} />}
      actions={
        <PortalDocumentActions
          documentType="quote"
          documentId={quote.id}
          pdfPath={`/quotes/${quote.id}/pdf`}
          pdfLabel={t("quotes.detail.downloadPdf")}
          printLabel={t("quotes.portal.print")}
        />
      }
      notice={
        quote.status === "superseded" ? (
          <Alert color="gray" data-print="hide">
            {t("quotes.detail.supersededNote")}{" "}
            <Anchor component={Link} to={`/quotes/${quote.latestId}`}>
              {t("quotes.detail.openLatest")}
            </Anchor>
          </Alert>
        ) : null
      }
      strongFacts
      factColumns={3}
      facts={[
        { label: t("quotes.field.issueDate"), value: f.date(quote.issueDate) },
        {
          label: t("quotes.field.expiryDate"),
          value: quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry"),
        },
        { label: t("quotes.field.total"), value: f.money(quote.totalMinor, quote.currency) },
      ]}
      beforeLines={
        <>
          {quote.acceptance ? (
            <Alert color="green" role="status">
              {t("quotes.portal.acceptedBy", {
                name: quote.acceptance.signerName,
                date: f.dateTime(quote.acceptance.acceptedAt),
              })}
            </Alert>
          ) : null}
          {quote.declinedAt ? (
            <Alert color="red" role="status">
              {t("quotes.portal.declinedOn", { date: f.dateTime(quote.declinedAt) })}
              {quote.declineReason ? (
                <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                  {t("quotes.detail.declineReason")}: {quote.declineReason}
                </Text>
              ) : null}
            </Alert>
          ) : null}
          {canAnswer ? (
            <Card withBorder data-print="hide">
              <Group justify="space-between" gap="sm">
                <Text size="sm">
                  {quote.expiryDate ? t("quotes.portal.expiresOn", { date: f.date(quote.expiryDate) }) : null}
                </Text>
                <Group gap="xs">
                  <Button variant="default" color="red" onClick={declineModal.open}>
                    {t("quotes.portal.decline")}
                  </Button>
                  <Button color="green" onClick={acceptModal.open}>
                    {t("quotes.portal.accept")}
                  </Button>
                </Group>
              </Group>
            </Card>
          ) : null}
        </>
      }
    >
      <div data-print="hide">
        <QuoteVersions
          versions={quote.versions}
          currentId={quote.id}
          currency={quote.currency}
          pathOf={(id) => `/quotes/${id}`}
        />
      </div>
      <div data-print="hide">
        <CommentsThread side="portal" documentType="quote" documentId={quote.id} />
      </div>
      {canAnswer ? (
        <>
          <AcceptQuoteModal
            quote={quote}
            opened={acceptOpened}
            onClose={acceptModal.close}
            onReload={reload}
            contactName={me?.contact.name ?? ""}
          />
          <DeclineQuoteModal
            quote={quote}
            opened={declineOpened}
            onClose={declineModal.close}
            onReload={reload}
          />
        </>
      ) : null}
    </DocumentDetail>
  );
}
