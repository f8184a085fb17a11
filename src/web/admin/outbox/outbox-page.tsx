import { Anchor, Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EmailSummary } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { SearchFilter, SelectFilter } from "../../ui/lists/filter-controls.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { PageHeader } from "../layout/page-header.js";
import { useOutboxList, useOutboxPage } from "../lists/ops-lists.js";
import { useCan } from "../team/permissions.js";
import { EmailStatusBadge } from "./email-status-badge.js";

const STATUSES = ["outbox", "queued", "sent", "failed"] as const;

/** Every email the organisation sent, newest first a keyset page at a time (issue 19): by status, searched. */
export function OutboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const list = useOutboxList();
  const { page, totals } = useOutboxPage(list);
  return (
    <PagedList<EmailSummary>
      list={list}
      header={
        <PageHeader
          title={t("admin.outbox.title")}
          actions={
            can("organisation.update") ? (
              <Button component={Link} to="/background-jobs" variant="default">
                {t("backgroundJobs.link")}
              </Button>
            ) : null
          }
        />
      }
      filters={
        <>
          <SearchFilter list={list} label={t("admin.outbox.search")} />
          <SelectFilter
            list={list}
            name="status"
            label={t("admin.outbox.status")}
            options={STATUSES.map((s) => ({ value: s, label: t(`admin.outbox.statuses.${s}`) }))}
          />
        </>
      }
      page={page}
      totals={totals}
      totalsText={{ count: (count) => t("admin.outbox.count", { count }) }}
      text={{
        title: t("admin.outbox.title"),
        noMatches: t("admin.outbox.noMatches"),
        empty: t("admin.outbox.emptyTitle"),
        emptyDescription: t("admin.outbox.emptyDescription"),
      }}
      minWidth={640}
      columns={[
        {
          key: "to",
          header: t("admin.outbox.to"),
          cell: (email) => (
            <Text size="sm">{email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress}</Text>
          ),
        },
        {
          key: "subject",
          header: t("admin.outbox.subject"),
          kind: "title",
          // The subject as written, in its recipient's language.
          cell: (email) => (
            <Anchor component={Link} to={`/outbox/${email.id}`} translate="no">
              {email.subject}
            </Anchor>
          ),
        },
        {
          key: "status",
          header: t("admin.outbox.status"),
          cell: (email) => <EmailStatusBadge status={email.status} />,
        },
        {
          key: "date",
          header: t("admin.outbox.date"),
          kind: "aside",
          cell: (email) => f.dateTime(email.createdAt),
          sort: "created",
        },
      ]}
    />
  );
}
