import { Anchor, EmptyState, Group, Rating, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Review, ReviewList } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { type Column, ResponsiveTable } from "../../ui/responsive-table.js";

type ListQuery = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: ReviewList | undefined;
  refetch: () => unknown;
};

/** The stars as people read them, with the number for screen readers. */
export function Stars({ rating }: { rating: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Rating value={rating} readOnly size="sm" aria-hidden />
      <Text size="sm">{t("reviews.stars", { count: rating })}</Text>
    </Group>
  );
}

/** The average line: "Average 4.25 of 5 over 8 reviews". */
export function ReviewAverage({ list }: { list: ReviewList }) {
  const { t } = useTranslation();
  if (list.average === null) return null;
  return (
    <Text size="sm" data-testid="reviews-average">
      {t("reviews.averageOf", { average: list.average, count: list.count })}
    </Text>
  );
}

/** A list of reviews with its loading, error and empty states; the customer column links to the customer. */
export function ReviewsTable({
  query,
  isFiltered,
  emptyTitle,
  showCustomer,
}: {
  query: ListQuery;
  isFiltered: boolean;
  emptyTitle: string;
  showCustomer: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data?.items ?? [];
  if (rows.length === 0)
    return <EmptyState title={isFiltered ? t("reviews.noMatches") : emptyTitle} py="lg" />;
  return (
    <ResponsiveTable<Review>
      label={t("reviews.listTitle")}
      rows={rows}
      rowKey={(r) => r.id}
      testId="reviews-table"
      columns={reviewColumns(t, f, showCustomer)}
    />
  );
}

/** The review list's columns; the stars and the date sort a paged list (issue 19). */
export function reviewColumns(
  t: TFunction,
  f: ReturnType<typeof useFormat>,
  showCustomer: boolean,
): Column<Review>[] {
  return [
    ...(showCustomer
      ? [
          {
            key: "customer",
            header: t("reviews.customer"),
            kind: "title" as const,
            cell: (r: Review) => (
              <Anchor component={Link} to={`/customers/${r.customerId}`}>
                {r.customerName}
              </Anchor>
            ),
          },
        ]
      : []),
    { key: "contact", header: t("reviews.contact"), kind: "detail", cell: (r) => r.contactName },
    {
      key: "rating",
      header: t("reviews.rating"),
      kind: "detail",
      cell: (r) => <Stars rating={r.rating} />,
      sort: "rating",
    },
    {
      key: "text",
      header: t("reviews.text"),
      kind: "detail",
      cell: (r) => (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {r.body || t("common.none")}
        </Text>
      ),
    },
    {
      key: "date",
      header: t("reviews.date"),
      kind: "aside",
      cell: (r) => f.dateTime(r.updatedAt),
      sort: "newest",
    },
  ];
}
