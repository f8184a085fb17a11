import { Alert, Anchor, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PortalQuoteDetail } from "../../../shared/contracts/index.js";
import { CommentsThread } from "../../ui/comments/comments-thread.js";
import { useFormat } from "../../ui/format.js";
import { InvoiceLinesTable } from "../../ui/invoice-lines-table.js";
import { TaxBreakdownTable, TotalsTable } from "../../ui/invoice-totals.js";
import { LongText } from "../../ui/long-text.js";
import { QueryDetail } from "../../ui/query-states.js";
import { QuoteVersions } from "../../ui/quote-versions.js";
import { QuoteStatusBadge } from "../../ui/status-badge.js";
import { usePdfHref } from "../pdf-href.js";
import { useContactMe } from "../portal-api.js";
import { ShareDocument } from "../share-document.js";
import { portalApi } from "../slug.js";
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

function QuoteView({ quote, onReload }: { quote: PortalQuoteDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const pdfHref = usePdfHref(portalApi(`/quotes/${quote.id}/pdf`));
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
    <Stack>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm">
          <Title order={1} size="h2">
            {t("quotes.detail.title", { number: quote.displayNumber ?? "" })}
          </Title>
          <QuoteStatusBadge status={quote.status} />
        </Group>
        <Group gap="xs" data-print="hide">
          <Button component="a" href={pdfHref} download variant="default">
            {t("quotes.detail.downloadPdf")}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            {t("quotes.portal.print")}
          </Button>
          <ShareDocument documentType="quote" documentId={quote.id} />
        </Group>
      </Group>
      {quote.status === "superseded" ? (
        <Alert color="gray" data-print="hide">
          {t("quotes.detail.supersededNote")}{" "}
          <Anchor component={Link} to={`/quotes/${quote.latestId}`}>
            {t("quotes.detail.openLatest")}
          </Anchor>
        </Alert>
      ) : null}
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0}>
          <Fact label={t("quotes.field.issueDate")}>{f.date(quote.issueDate)}</Fact>
          <Fact label={t("quotes.field.expiryDate")}>
            {quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry")}
          </Fact>
          <Fact label={t("quotes.field.total")}>{f.money(quote.totalMinor, quote.currency)}</Fact>
        </SimpleGrid>
      </Card>
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
    </Stack>
  );
}
