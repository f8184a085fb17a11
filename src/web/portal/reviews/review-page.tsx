import { Button, Card, Group, Input, Rating, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type PortalReview, REVIEW_TEXT_MAX } from "../../../shared/contracts/index.js";
import { FormActions } from "../../ui/form-actions.js";
import { useFormat } from "../../ui/format.js";
import { notifyDone } from "../../ui/notify.js";
import { queryKeys } from "../../ui/query-keys.js";
import { QueryDetail } from "../../ui/query-states.js";
import { useContactMe } from "../portal-api.js";
import { portal } from "../slug.js";

/** E11: the contact writes, edits or withdraws its review of the organisation. */
export function PortalReviewPage() {
  const { t } = useTranslation();
  const me = useContactMe().data;
  const review = useQuery({
    queryKey: queryKeys.myReview,
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/review", { signal }),
  });
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        {t("reviews.title")}
      </Title>
      <Text c="dimmed">{t("reviews.intro", { org: me?.org.name ?? "" })}</Text>
      <QueryDetail query={review}>
        {(data) => (
          <ReviewForm
            key={data.review?.updatedAt ?? "new"}
            review={data.review}
            readOnly={Boolean(me?.preview)}
          />
        )}
      </QueryDetail>
    </Stack>
  );
}

function ReviewForm({ review, readOnly }: { review: PortalReview | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [rating, setRating] = useState(review?.rating ?? 0);
  const [body, setBody] = useState(review?.body ?? "");
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.myReview });
  const save = useMutation({
    mutationFn: () => portal.put("/api/portal/:slug/review", { body: { rating, body } }),
    onSuccess: () => {
      notifyDone(t("reviews.saved"));
      refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => portal.delete("/api/portal/:slug/review"),
    onSuccess: () => {
      notifyDone(t("reviews.withdrawn"));
      setConfirming(false);
      refresh();
    },
  });
  const ratingError = touched && rating === 0 ? t("reviews.ratingRequired") : null;
  const tooLong = body.trim().length > REVIEW_TEXT_MAX;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (rating === 0 || tooLong) return;
    save.mutate();
  };

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          {review ? (
            <Text size="sm" c="dimmed">
              {t("reviews.current", {
                date: f.date(review.createdAt.slice(0, 10)),
                updated: f.date(review.updatedAt.slice(0, 10)),
              })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t("reviews.none")}
            </Text>
          )}
          <Input.Wrapper
            label={t("reviews.rating")}
            required
            error={ratingError}
            labelProps={{ id: "review-rating-label" }}
          >
            <Group gap="sm" mt={4}>
              {/* Mantine's Rating is a group of radio inputs: arrow keys move between the stars. */}
              <Rating
                value={rating}
                onChange={setRating}
                size="lg"
                readOnly={readOnly}
                aria-labelledby="review-rating-label"
                getSymbolLabel={(i) => t("reviews.stars", { count: i })}
              />
              <Text size="sm" aria-live="polite">
                {rating > 0 ? t("reviews.stars", { count: rating }) : ""}
              </Text>
            </Group>
          </Input.Wrapper>
          <Textarea
            label={t("reviews.body")}
            description={t("reviews.bodyHint", { max: REVIEW_TEXT_MAX })}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={4}
            maxLength={REVIEW_TEXT_MAX}
            readOnly={readOnly}
            error={tooLong ? t("reviews.bodyHint", { max: REVIEW_TEXT_MAX }) : null}
          />
          {readOnly ? null : (
            <FormActions
              error={save.error}
              pending={save.isPending}
              label={review ? t("reviews.update") : t("reviews.submit")}
              justify="flex-start"
            />
          )}
        </Stack>
      </form>
      {review && !readOnly ? (
        <Stack mt="md">
          {confirming ? (
            <>
              <Text size="sm">{t("reviews.withdrawConfirm")}</Text>
              <FormActions
                error={withdraw.error}
                pending={withdraw.isPending}
                label={t("reviews.withdraw")}
                onCancel={() => setConfirming(false)}
                onConfirm={() => withdraw.mutate()}
                danger
                justify="flex-start"
              />
            </>
          ) : (
            <Group>
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {t("reviews.withdraw")}
              </Button>
            </Group>
          )}
        </Stack>
      ) : null}
    </Card>
  );
}
