import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import type { IssueDateRefusal } from "./issue-date-refusal.js";

export interface IssueDateOfferProps {
  refusal: IssueDateRefusal;
  /** What is issued: the texts say what moves with the date (a due date, a validity). */
  document: "invoice" | "quote" | "salesOrder";
  /** The verb of the retry button: what the refused action was. */
  action: "issue" | "send" | "confirm";
  /** The document's edit page, to change its dates instead. */
  editHref: string;
  pending: boolean;
  onUseToday: () => void;
  onEdit?: () => void;
}

/**
 * Why a document cannot be issued with its date, and the way out: issue it dated today (the server keeps
 * the due date's distance), or change its dates. Shown wherever issuing happens, inline or in a dialog.
 */
export function IssueDateOffer({
  refusal,
  document,
  action,
  editHref,
  pending,
  onUseToday,
  onEdit,
}: IssueDateOfferProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const dates = {
    date: f.date(refusal.issueDate),
    last: f.date(refusal.lastIssueDate),
    due: f.date(refusal.dueDate),
    today: f.date(refusal.today),
  };
  const reason =
    refusal.code === "ISSUE_DATE_BEFORE_LAST" && refusal.lastIssueDate
      ? t("issueDates.beforeLast", dates)
      : refusal.code === "ISSUE_DATE_IN_FUTURE" && refusal.issueDate && refusal.today
        ? t("issueDates.inFuture", dates)
        : refusal.code === "DUE_DATE_BEFORE_ISSUE" && refusal.dueDate && refusal.issueDate
          ? t("issueDates.dueBeforeIssue", dates)
          : refusal.detail;
  return (
    <Stack gap="sm" data-testid="issue-date-offer">
      <Text size="sm" role="alert">
        {reason}
      </Text>
      {refusal.canUseToday ? <Text size="sm">{t(`issueDates.todayHint.${document}`, dates)}</Text> : null}
      <Group justify="flex-end">
        <Button component={Link} to={editHref} variant="default" onClick={onEdit}>
          {t("issueDates.editDates")}
        </Button>
        {refusal.canUseToday ? (
          <Button loading={pending} onClick={onUseToday}>
            {t(`issueDates.useToday.${action}`)}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

/** The offer in its own dialog, for a button that issues directly (Issue, Confirm). */
export function IssueDateDialog(
  props: Omit<IssueDateOfferProps, "refusal"> & { refusal: IssueDateRefusal | null; onClose: () => void },
) {
  const { t } = useTranslation();
  const { refusal, onClose, ...rest } = props;
  return (
    <Modal opened={refusal !== null} onClose={onClose} title={t("issueDates.title")}>
      {refusal ? <IssueDateOffer {...rest} refusal={refusal} onEdit={onClose} /> : null}
    </Modal>
  );
}
