import { Card, Select, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { reviewListQuery } from "../../../shared/contracts/index.js";
import { PageHeader } from "../layout/page-header.js";
import { useReviews } from "./reviews-api.js";
import { ReviewAverage, ReviewsTable } from "./reviews-table.js";

/** A15: every current review, filtered by stars (kept in the address), with the average. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const parsed = reviewListQuery.safeParse({ rating: params.get("rating") ?? undefined });
  const rating = parsed.success ? parsed.data.rating : undefined;
  const list = useReviews({ rating });
  return (
    <Stack>
      <PageHeader title={t("reviews.listTitle")} />
      {list.data ? <ReviewAverage list={list.data} /> : null}
      <Select
        label={t("reviews.ratingFilter")}
        maw={220}
        data={[
          { value: "", label: t("reviews.allRatings") },
          ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t("reviews.stars", { count: n }) })),
        ]}
        value={rating ? String(rating) : ""}
        onChange={(value) => setParams(value ? { rating: value } : {}, { replace: true })}
        allowDeselect={false}
      />
      <ReviewsTable
        query={list}
        isFiltered={rating !== undefined}
        emptyTitle={t("reviews.noReviews")}
        showCustomer
      />
    </Stack>
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
