import { Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  MAX_MESSAGE_LENGTH,
  MAX_SUBJECT_LENGTH,
  type MessageThreadDetail,
} from "../../../shared/contracts/index.js";
import type { LiveSide } from "../live/use-live-events.js";
import { ErrorAlert } from "../page-states.js";
import { FilePicker, toAttachments } from "./file-picker.js";
import { useStartThread } from "./messages-api.js";

/** Starts a thread: a contact writes to the organisation; staff write to a customer (`customerId`). */
export function NewThreadForm({
  side,
  customerId,
  customerField,
  onDone,
  onCancel,
}: {
  side: LiveSide;
  customerId?: string | null;
  /** Staff: the customer picker, when the customer is not fixed by the page. */
  customerField?: ReactNode;
  onDone: (thread: MessageThreadDetail) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<{ subject?: string; body?: string; customer?: string }>({});
  const [fileError, setFileError] = useState<string | null>(null);
  const start = useStartThread(side);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = {
      ...(subject.trim() ? {} : { subject: t("messages.subjectRequired") }),
      ...(body.trim() ? {} : { body: t("messages.required") }),
      ...(side === "staff" && !customerId ? { customer: t("messages.customerRequired") } : {}),
    };
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    start.mutate(
      {
        ...(customerId ? { customerId } : {}),
        subject: subject.trim(),
        body: body.trim(),
        attachments: await toAttachments(files),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {customerField}
        {errors.customer ? (
          <Text size="sm" c="red" role="alert">
            {errors.customer}
          </Text>
        ) : null}
        <TextInput
          label={t("messages.subject")}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          maxLength={MAX_SUBJECT_LENGTH}
          error={errors.subject}
          required
        />
        <Textarea
          label={t("messages.body")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={14}
          maxLength={MAX_MESSAGE_LENGTH}
          error={errors.body}
          required
        />
        <FilePicker files={files} onChange={setFiles} onError={setFileError} disabled={start.isPending} />
        {fileError ? (
          <Text size="sm" c="red" role="alert">
            {fileError}
          </Text>
        ) : null}
        <ErrorAlert error={start.error} />
        <Group>
          <Button type="submit" loading={start.isPending}>
            {t("messages.send")}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t("messages.cancel")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
