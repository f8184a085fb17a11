import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InvoiceDetail, IssueDateBody } from "../../../shared/contracts/index.js";
import { ApiError } from "../../ui/api-client.js";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { useIssueInvoice, useVoidInvoice } from "./invoices-api.js";
import { SendInvoiceModal } from "./send-invoice-modal.js";

export function InvoiceActions({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const issue = useIssueInvoice(invoice.id);
  const voidInvoice = useVoidInvoice(invoice.id);
  const [sendOpened, sendModal] = useDisclosure(false);
  const [voidOpened, voidModal] = useDisclosure(false);
  const isDraft = invoice.status === "draft";
  const canVoid =
    !isDraft && invoice.status !== "void" && invoice.status !== "paid" && invoice.paidMinor === 0;
  const canSend = invoice.status !== "void" && invoice.status !== "paid";
  const isOpen = !isDraft && invoice.status !== "void";
  const canRecordPayment = isOpen && invoice.kind !== "credit_note" && invoice.dueMinor > 0;
  const canCredit = isOpen && invoice.kind === "invoice";
  // A refused date (issue 10) opens a dialog that explains it and offers to issue dated today.
  const dateRefusal = issueDateRefusal(issue.error);
  const issueWith = (body?: IssueDateBody) =>
    issue.mutate(body, {
      onSuccess: (issued) =>
        notifications.show({
          color: "green",
          message: t("admin.detail.issued", { number: issued.number }),
        }),
    });

  return (
    <Stack gap="xs" align="stretch">
      <Group gap="xs">
        {isDraft ? (
          <Button component={Link} to={`/invoices/${invoice.id}/edit`} variant="default">
            {t("admin.detail.edit")}
          </Button>
        ) : null}
        {isDraft ? (
          <Button loading={issue.isPending} onClick={() => issueWith(undefined)}>
            {t("admin.detail.issue")}
          </Button>
        ) : null}
        {canSend ? (
          <Button variant={isDraft ? "light" : "filled"} onClick={sendModal.open}>
            {t("admin.detail.send")}
          </Button>
        ) : null}
        {isDraft ? null : (
          <Button component="a" href={`/api/invoices/${invoice.id}/pdf`} download variant="default">
            {t("admin.detail.downloadPdf")}
          </Button>
        )}
        {canRecordPayment ? (
          <Button
            component={Link}
            to={`/payments/new?customerId=${invoice.customerId}&invoiceId=${invoice.id}`}
            variant="light"
          >
            {t("moneyAdmin.record.title")}
          </Button>
        ) : null}
        {canCredit ? (
          <Button
            component={Link}
            to={`/invoices/new?kind=credit_note&customerId=${invoice.customerId}&corrects=${invoice.id}`}
            variant="default"
          >
            {t("moneyAdmin.actions.createCreditNote")}
          </Button>
        ) : null}
        {canVoid ? (
          <Button variant="subtle" color="red" onClick={voidModal.open}>
            {t("admin.detail.void")}
          </Button>
        ) : null}
      </Group>
      {dateRefusal ? null : <ErrorAlert error={issue.error} />}
      <IssueDateDialog
        refusal={dateRefusal}
        invoice={invoice}
        pending={issue.isPending}
        onClose={() => issue.reset()}
        onIssueToday={() => issueWith({ useToday: true })}
      />
      <SendInvoiceModal
        invoiceId={invoice.id}
        customerId={invoice.customerId}
        opened={sendOpened}
        onClose={sendModal.close}
      />
      <Modal opened={voidOpened} onClose={voidModal.close} title={t("admin.detail.voidTitle")}>
        <Stack>
          <Text size="sm">{t("admin.detail.voidBody")}</Text>
          <ErrorAlert error={voidInvoice.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={voidModal.close}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={voidInvoice.isPending}
              onClick={() =>
                voidInvoice.mutate(undefined, {
                  onSuccess: () => {
                    notifications.show({ message: t("admin.detail.voided") });
                    voidModal.close();
                  },
                })
              }
            >
              {t("admin.detail.voidConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

interface DateRefusal {
  code: "ISSUE_DATE_BEFORE_LAST" | "ISSUE_DATE_IN_FUTURE";
  detail: string;
  /** The last issued invoice's date the server names, when it does. */
  lastDate: string | null;
}

function issueDateRefusal(error: unknown): DateRefusal | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code !== "ISSUE_DATE_BEFORE_LAST" && error.code !== "ISSUE_DATE_IN_FUTURE") return null;
  const named = error.fieldErrors.map((f) => /\d{4}-\d{2}-\d{2}$/.exec(f.message)?.[0]).find(Boolean);
  return { code: error.code, detail: error.detail, lastDate: named ?? null };
}

function IssueDateDialog({
  refusal,
  invoice,
  pending,
  onClose,
  onIssueToday,
}: {
  refusal: DateRefusal | null;
  invoice: InvoiceDetail;
  pending: boolean;
  onClose: () => void;
  onIssueToday: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Modal opened={refusal !== null} onClose={onClose} title={t("issueDates.title")}>
      {refusal ? (
        <Stack>
          <Text size="sm" role="alert">
            {refusal.detail}
          </Text>
          <Text size="sm">
            {refusal.code === "ISSUE_DATE_BEFORE_LAST" && refusal.lastDate
              ? t("issueDates.beforeLast", { date: f.date(refusal.lastDate) })
              : t("issueDates.inFuture", { date: f.date(invoice.issueDate) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("issueDates.todayHint")}
          </Text>
          <Group justify="flex-end">
            <Button component={Link} to={`/invoices/${invoice.id}/edit`} variant="default" onClick={onClose}>
              {t("issueDates.editDates")}
            </Button>
            <Button loading={pending} onClick={onIssueToday}>
              {t("issueDates.issueToday")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
