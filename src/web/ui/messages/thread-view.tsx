import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Message, MessageThreadDetail } from "../../../shared/contracts/index.js";
import { MAX_MESSAGE_LENGTH } from "../../../shared/contracts/index.js";
import { isApiError } from "../api-client.js";
import { useFormat } from "../format.js";
import { type LiveSide, useLiveEvents } from "../live/use-live-events.js";
import { ErrorAlert, ErrorState, PageLoader } from "../page-states.js";
import { FilePicker, fileSize, toAttachments } from "./file-picker.js";
import { attachmentHref, useRefreshAfterOpen, useReply, useThread } from "./messages-api.js";

/** One thread, live (G4): new messages appear as they arrive; opening it marks it read for this side. */
export function ThreadView({ side, id }: { side: LiveSide; id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  useLiveEvents(side);
  const thread = useThread(side, id);
  const refresh = useRefreshAfterOpen();
  const loadedAt = thread.dataUpdatedAt;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each load of the thread marked it read.
  useEffect(() => {
    if (loadedAt) refresh();
  }, [loadedAt]);
  if (thread.isPending) return <PageLoader />;
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;
  const data: MessageThreadDetail = thread.data;
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {data.subject}
        </Title>
        <Text size="sm" c="dimmed">
          {side === "staff" ? `${data.customerName} · ` : ""}
          {t("messages.messageCount", { count: data.messageCount })} · {f.dateTime(data.lastMessageAt)}
        </Text>
      </div>
      <Stack
        gap="xs"
        component="ol"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
        aria-label={t("messages.conversation")}
        aria-live="polite"
      >
        {data.messages.map((m) => (
          <MessageItem key={m.id} side={side} message={m} />
        ))}
      </Stack>
      <ReplyForm side={side} id={id} />
    </Stack>
  );
}

function MessageItem({ side, message }: { side: LiveSide; message: Message }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mine = (side === "staff") === (message.authorKind === "staff");
  return (
    <li data-testid="message">
      <Card withBorder padding="sm" bg={mine ? undefined : "var(--mantine-color-gray-0)"}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {message.authorName}
            </Text>
            <Badge variant="light" color={message.authorKind === "contact" ? "grape" : "teal"} size="sm">
              {message.authorKind === "contact" ? t("messages.fromCustomer") : t("messages.fromStaff")}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt}>
            {f.dateTime(message.createdAt)}
          </Text>
        </Group>
        <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {message.body}
        </Text>
        {message.attachments.length > 0 ? (
          <Stack gap={2} mt="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {message.attachments.map((a) => (
              <li key={a.id}>
                <Anchor href={attachmentHref(side, message.threadId, a.id)} download={a.filename} size="sm">
                  {t("messages.download", { name: a.filename, size: fileSize(a.size, f.locale) })}
                </Anchor>
              </li>
            ))}
          </Stack>
        ) : null}
      </Card>
    </li>
  );
}

function ReplyForm({ side, id }: { side: LiveSide; id: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const reply = useReply(side, id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = body.trim();
    if (!trimmed) return setFieldError(t("messages.required"));
    setFieldError(null);
    reply.mutate(
      { body: trimmed, attachments: await toAttachments(files) },
      {
        onSuccess: () => {
          setBody("");
          setFiles([]);
        },
      },
    );
  };
  const readOnly = isApiError(reply.error, 403) && reply.error.code === "PREVIEW_READ_ONLY";
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t("messages.replyLabel")}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            if (fieldError) setFieldError(null);
          }}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={MAX_MESSAGE_LENGTH}
          error={fieldError}
        />
        <FilePicker files={files} onChange={setFiles} onError={setFileError} disabled={reply.isPending} />
        {fileError ? (
          <Text size="sm" c="red" role="alert">
            {fileError}
          </Text>
        ) : null}
        {readOnly ? null : <ErrorAlert error={reply.error} />}
        <Group>
          <Button type="submit" loading={reply.isPending}>
            {t("messages.reply")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
