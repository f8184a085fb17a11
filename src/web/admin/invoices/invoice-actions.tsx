import { Button, Group, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InvoiceDetail, IssueDateBody } from "../../../shared/contracts/index.js";
import { UblDownloadButton } from "../../ui/einvoice/ubl-download-button.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { VoidDocumentModal } from "../documents/void-document-modal.js";
import { IssueDateDialog } from "../issue-dates/issue-date-offer.js";
import { issueDateRefusal } from "../issue-dates/issue-date-refusal.js";
import { PdfDownload } from "../pdf-download/pdf-download.js";
import { StaffFacturaeDownload } from "./facturae-download.js";
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
      onSuccess: (issued) => notifyDone(t("admin.detail.issued", { number: issued.number })),
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
          <PdfDownload
            href={`/api/invoices/${invoice.id}/pdf`}
            customerId={invoice.customerId}
            label={t("admin.detail.downloadPdf")}
          />
        )}
        {isOpen ? <UblDownloadButton href={`/api/invoices/${invoice.id}/ubl`} /> : null}
        {isDraft ? null : <StaffFacturaeDownload invoiceId={invoice.id} />}
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
        document="invoice"
        action="issue"
        editHref={`/invoices/${invoice.id}/edit`}
        pending={issue.isPending}
        onClose={() => issue.reset()}
        onUseToday={() => issueWith({ useToday: true })}
      />
      <SendInvoiceModal
        invoiceId={invoice.id}
        customerId={invoice.customerId}
        opened={sendOpened}
        onClose={sendModal.close}
      />
      <VoidDocumentModal
        opened={voidOpened}
        onClose={voidModal.close}
        voidDocument={voidInvoice}
        text={{
          title: t("admin.detail.voidTitle"),
          body: t("admin.detail.voidBody"),
          confirm: t("admin.detail.voidConfirm"),
          voided: t("admin.detail.voided"),
        }}
      />
    </Stack>
  );
}
