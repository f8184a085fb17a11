import { Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommentDocumentType } from "../../../shared/contracts/index.js";
import { ApiError, isApiError } from "../api-client.js";
import { fieldErrorText } from "../field-error-text.js";
import { useFormat } from "../format.js";
import { type LiveSide, useLiveEvents } from "../live/use-live-events.js";
import { ErrorAlert, ErrorState, PageLoader } from "../page-states.js";
import { queryKeys } from "../query-keys.js";
import { type AnyComment, type CommentsApi, commentsApi } from "./comments-api.js";

export interface CommentsThreadProps {
  side: LiveSide;
  documentType: CommentDocumentType;
  documentId: string;
}

/**
 * The comments of one document (A14), live (G4): staff see every comment and choose whether theirs is
 * shown in the portal; a contact sees what the portal shows and always writes to staff.
 */
export function CommentsThread({ side, documentType, documentId }: CommentsThreadProps) {
  const { t } = useTranslation();
  useLiveEvents(side);
  const key = queryKeys.comments(documentType, documentId);
  const comments = commentsApi(side, documentType, documentId);
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => comments.list(signal) });
  const titleId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t("comments.title")}
        </Title>
        {list.isPending ? <PageLoader /> : null}
        {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && list.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("comments.empty")}
          </Text>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: "none" }} aria-live="polite">
            {list.data.map((c) => (
              <CommentItem key={c.id} comment={c} side={side} />
            ))}
          </Stack>
        ) : null}
        <CommentForm side={side} comments={comments} queryKey={key} />
      </Stack>
    </Card>
  );
}

function CommentItem({ comment, side }: { comment: AnyComment; side: LiveSide }) {
  const { t } = useTranslation();
  const f = useFormat();
  const visible = "visibleInPortal" in comment ? comment.visibleInPortal : true;
  return (
    <li>
      <Card
        withBorder
        padding="sm"
        bg={comment.authorKind === "contact" ? "var(--mantine-color-gray-0)" : undefined}
      >
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {comment.authorName}
            </Text>
            {side === "staff" && comment.authorKind === "contact" ? (
              <Badge variant="light" color="grape" size="sm">
                {t("comments.fromCustomer")}
              </Badge>
            ) : null}
            {side === "staff" && comment.authorKind === "staff" ? (
              <Badge variant="light" color={visible ? "teal" : "gray"} size="sm">
                {visible ? t("comments.shownInPortal") : t("comments.internal")}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" component="time" dateTime={comment.createdAt}>
            {f.dateTime(comment.createdAt)}
          </Text>
        </Group>
        <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {comment.body}
        </Text>
      </Card>
    </li>
  );
}

function CommentForm({
  side,
  comments,
  queryKey,
}: {
  side: LiveSide;
  comments: CommentsApi;
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [body, setBody] = useState("");
  const [visibleInPortal, setVisibleInPortal] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => comments.add(body, visibleInPortal),
    onSuccess: () => {
      setBody("");
      setVisibleInPortal(false);
      void qc.invalidateQueries({ queryKey });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldErrors.length > 0)
        setFieldError(
          error.fieldErrors[0] ? fieldErrorText(error.fieldErrors[0], error) : t("comments.required"),
        );
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = body.trim();
    if (!trimmed) return setFieldError(t("comments.required"));
    if (trimmed.length > 5000) return setFieldError(t("comments.tooLong"));
    setFieldError(null);
    add.mutate();
  };
  const readOnly = isApiError(add.error, 403) && add.error.code === "PREVIEW_READ_ONLY";
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t("comments.label")}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            if (fieldError) setFieldError(null);
          }}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={5000}
          error={fieldError}
        />
        {side === "staff" ? (
          <Checkbox
            label={t("comments.showInPortal")}
            description={t("comments.showInPortalHint")}
            checked={visibleInPortal}
            onChange={(e) => setVisibleInPortal(e.currentTarget.checked)}
          />
        ) : null}
        {readOnly ? (
          <Text size="sm" c="dimmed" role="alert">
            {t("comments.previewReadOnly")}
          </Text>
        ) : add.error && !(add.error instanceof ApiError && add.error.fieldErrors.length > 0) ? (
          <ErrorAlert error={add.error} />
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t("comments.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
