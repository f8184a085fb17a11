import { Anchor, Badge, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MessageThreadSummary } from "../../../shared/contracts/index.js";
import { useFormat } from "../format.js";
import { type LiveSide, useLiveEvents } from "../live/use-live-events.js";
import { QueryList } from "../query-states.js";
import { ResponsiveTable } from "../responsive-table.js";
import { useThreads } from "./messages-api.js";

/**
 * Threads, newest activity first, in keyset pages ("Load more"), live (G4). `linkTo` is the thread's
 * address in the app that shows the list.
 */
export function ThreadList({
  side,
  customerId,
  linkTo,
  emptyTitle,
}: {
  side: LiveSide;
  customerId?: string;
  linkTo: (id: string) => string;
  emptyTitle: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  useLiveEvents(side);
  const [unread, setUnread] = useState(false);
  const threads = useThreads(side, { unread, ...(customerId ? { customerId } : {}) });
  const rows = threads.data?.pages.flatMap((p) => p.items);
  const query = { ...threads, data: rows, refetch: threads.refetch };
  return (
    <Stack gap="sm">
      <Checkbox
        label={t("messages.onlyUnread")}
        checked={unread}
        onChange={(e) => setUnread(e.currentTarget.checked)}
      />
      <QueryList
        query={query}
        isFiltered={unread}
        noMatchesTitle={t("messages.emptyUnread")}
        emptyTitle={emptyTitle}
      >
        {(list) => (
          <ResponsiveTable<MessageThreadSummary>
            label={t("messages.title")}
            rows={list}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "subject",
                header: t("messages.subject"),
                kind: "title",
                cell: (r) => (
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={linkTo(r.id)} fw={r.unread > 0 ? 700 : undefined}>
                      {r.subject}
                    </Anchor>
                    {r.unread > 0 ? (
                      <Badge size="sm" color="red" data-testid="thread-unread">
                        {t("messages.unread", { count: r.unread })}
                      </Badge>
                    ) : null}
                  </Group>
                ),
              },
              ...(side === "staff" && !customerId
                ? [
                    {
                      key: "customer",
                      header: t("messages.customer"),
                      kind: "detail" as const,
                      cell: (r: MessageThreadSummary) => r.customerName,
                    },
                  ]
                : []),
              {
                key: "count",
                header: t("messages.body"),
                kind: "detail",
                hideOnPhone: true,
                cell: (r) => t("messages.messageCount", { count: r.messageCount }),
              },
              {
                key: "last",
                header: t("messages.lastActivity"),
                kind: "aside",
                cell: (r) => (
                  <Text size="sm" component="time" dateTime={r.lastMessageAt}>
                    {f.dateTime(r.lastMessageAt)}
                  </Text>
                ),
              },
            ]}
          />
        )}
      </QueryList>
      {threads.hasNextPage ? (
        <Group>
          <Button
            variant="default"
            loading={threads.isFetchingNextPage}
            onClick={() => void threads.fetchNextPage()}
          >
            {t("messages.loadMore")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
