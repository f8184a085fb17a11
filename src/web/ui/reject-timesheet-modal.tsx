import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TIMESHEET_REASON_MAX } from "../../shared/contracts/index.js";
import { ErrorAlert } from "./page-states.js";

/** The reject mutation of either app: the contact's own decision or staff marking it for the customer. */
interface RejectMutation {
  mutate(reason: string, options: { onSuccess: () => void }): void;
  isPending: boolean;
  error: unknown;
}

/**
 * Rejecting a timesheet (issue 15 §5): a reason is required (the server answers REASON_REQUIRED too);
 * the same dialog in the portal and in the back office.
 */
export function RejectTimesheetModal({
  title,
  description,
  opened,
  onClose,
  reject,
  onRejected,
}: {
  title: string;
  description?: string;
  opened: boolean;
  onClose: () => void;
  reject: RejectMutation;
  onRejected: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setError(t("errors.required"));
            return;
          }
          setError(null);
          reject.mutate(reason.trim(), {
            onSuccess: () => {
              onRejected();
              onClose();
            },
          });
        }}
      >
        <Stack>
          <Textarea
            label={t("timesheets.reason")}
            description={description}
            required
            autosize
            minRows={3}
            maxLength={TIMESHEET_REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
          />
          <ErrorAlert error={reject.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending}>
              {t("timesheets.rejectConfirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
