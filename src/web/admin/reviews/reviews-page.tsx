import { Card, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Review } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { SelectFilter } from "../../ui/lists/filter-controls.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useReviewList, useReviewPage, useReviews } from "./reviews-api.js";
import { ReviewAverage, ReviewsTable, reviewColumns } from "./reviews-table.js";

/**
 * A15: every current review, a keyset page at a time (issue 19), newest first or by stars, filtered by
 * stars and customer (kept in the address), with the average of the customer filter.
 */
export function ReviewsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useReviewList();
  const page = useReviewPage(list);
  return (
    <PagedList<Review>
      list={list}
      header={
        <>
          <PageHeader title={t("reviews.listTitle")} />
          {page.data ? <ReviewAverage list={page.data} /> : null}
        </>
      }
      filters={
        <>
          <SelectFilter
            list={list}
            name="rating"
            label={t("reviews.ratingFilter")}
            options={[5, 4, 3, 2, 1].map((n) => ({
              value: String(n),
              label: t("reviews.stars", { count: n }),
            }))}
          />
          <CustomerFilter label={t("reviews.customer")} list={list} />
        </>
      }
      page={page}
      text={{
        title: t("reviews.listTitle"),
        noMatches: t("reviews.noMatches"),
        empty: t("reviews.noReviews"),
      }}
      minWidth={720}
      columns={reviewColumns(t, f, true)}
    />
  );
}

/** A15 on the customer's overview: its contacts' current reviews. */
export function CustomerReviews({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const list = useReviews({ customerId });
  return (
    <Card withBorder component="section" aria-labelledby="customer-reviews-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="customer-reviews-title">
          {t("reviews.customerSection")}
        </Title>
        {list.data ? <ReviewAverage list={list.data} /> : null}
        <ReviewsTable
          query={list}
          isFiltered={false}
          emptyTitle={t("reviews.customerNone")}
          showCustomer={false}
        />
      </Stack>
    </Card>
  );
}
