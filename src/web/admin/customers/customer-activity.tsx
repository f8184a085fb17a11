import { Button, Card, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ActivityEvent } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import {
  type ActivityDocumentType,
  type ActivityScope,
  useActivity,
} from "../portal-access/portal-access-api.js";

const KNOWN_ACTIONS = new Set([
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "link_opened",
  "invitation_accepted",
  "password_reset_requested",
  "password_reset",
  "password_changed",
  "document_viewed",
  "document_downloaded",
  "payment_started",
  "credit_applied",
  "details_updated",
  "quote_accepted",
  "quote_declined",
  "comment_added",
  "document_shared",
  "timesheet_approved",
  "timesheet_rejected",
  "reminder_sent",
  "auto_charge_succeeded",
  "auto_charge_failed",
]);

/** G3 on the customer page: everything its contacts did in the portal. */
export function CustomerActivity({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  return <ActivityCard title={t("portalActivity.title")} scope={{ customerId }} showContact />;
}

const DOCUMENT_TITLES = {
  invoice: "portalActivity.invoiceTitle",
  quote: "portalActivity.quoteTitle",
  sales_order: "portalActivity.salesOrderTitle",
} as const;

/** G3 on a document's page: who viewed it first and when, downloads, payment attempts, answers. */
export function DocumentActivity({
  documentType,
  documentId,
}: {
  documentType: ActivityDocumentType;
  documentId: string;
}) {
  const { t } = useTranslation();
  return (
    <ActivityCard title={t(DOCUMENT_TITLES[documentType])} scope={{ documentType, documentId }} showContact />
  );
}

function ActivityCard({
  title,
  scope,
  showContact,
}: {
  title: string;
  scope: ActivityScope;
  showContact: boolean;
}) {
  const { t } = useTranslation();
  const activity = useActivity(scope);
  const events = activity.data?.pages.flatMap((p) => p.events) ?? [];
  const titleId = `activity-${"customerId" in scope ? scope.customerId : scope.documentId}`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Stack>
        <Title order={3} id={titleId}>
          {title}
        </Title>
        {activity.isPending ? <PageLoader /> : null}
        {activity.isError ? (
          <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
        ) : null}
        {activity.isSuccess && events.length === 0 ? (
          <Text c="dimmed">{t("portalActivity.empty")}</Text>
        ) : null}
        {events.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("portalActivity.when")}</Table.Th>
                  {showContact ? <Table.Th>{t("portalActivity.who")}</Table.Th> : null}
                  <Table.Th>{t("portalActivity.what")}</Table.Th>
                  <Table.Th>{t("portalActivity.from")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.map((e) => (
                  <ActivityRow key={e.id} event={e} showContact={showContact} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {activity.hasNextPage ? (
          <Button
            variant="light"
            onClick={() => void activity.fetchNextPage()}
            loading={activity.isFetchingNextPage}
            style={{ alignSelf: "flex-start" }}
          >
            {t("portalActivity.loadMore")}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

const DOCUMENT_LINKS: Record<ActivityDocumentType, string> = {
  invoice: "invoices",
  quote: "quotes",
  sales_order: "sales-orders",
};

function ActivityRow({ event, showContact }: { event: ActivityEvent; showContact: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const action = KNOWN_ACTIONS.has(event.action)
    ? t(`portalActivity.action.${event.action}` as "portalActivity.action.sign_in")
    : event.action;
  const doc = event.document;
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(event.at)}</Table.Td>
      {showContact ? (
        <Table.Td>
          <Text size="sm">{event.contact?.name ?? "—"}</Text>
          {event.contact?.email ? (
            <Text size="xs" c="dimmed">
              {event.contact.email}
            </Text>
          ) : null}
        </Table.Td>
      ) : null}
      <Table.Td>
        <Text size="sm">
          {action}
          {doc && doc.type in DOCUMENT_LINKS ? (
            <>
              {" "}
              <Link to={`/${DOCUMENT_LINKS[doc.type as ActivityDocumentType]}/${doc.id}`}>
                {doc.number ?? t("portalActivity.invoiceDraft")}
              </Link>
            </>
          ) : null}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{event.ip ?? "—"}</Text>
        {event.userAgent ? (
          <Text size="xs" c="dimmed" lineClamp={1} title={event.userAgent} maw={260}>
            {event.userAgent}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
