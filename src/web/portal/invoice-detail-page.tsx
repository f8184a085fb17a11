import { Anchor, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PortalInvoiceDetail } from "../../shared/contracts/index.js";
import { CommentsThread } from "../ui/comments/comments-thread.js";
import { DocumentDetail } from "../ui/documents/document-detail.js";
import { UblDownloadButton } from "../ui/einvoice/ubl-download-button.js";
import { useFormat } from "../ui/format.js";
import { PaymentProcessingNotice } from "../ui/payment-processing-notice.js";
import { PaymentsTable } from "../ui/payments-table.js";
import { QueryDetail } from "../ui/query-states.js";
import { RectificationCard } from "../ui/rectifying/rectification-card.js";
import { InvoiceStatusBadge } from "../ui/status-badge.js";
import { VerifactuQr } from "../ui/verifactu/verifactu-qr.js";
import { BankTransferBlock } from "./bank-transfer.js";
import { PortalDocumentActions } from "./document-actions.js";
import { PortalFacturaeDownload } from "./facturae-download.js";
import { PayButton } from "./pay-button.js";
import { PaymentBanner, usePaymentOutcome } from "./payment-banner.js";
import { CreditAvailable } from "./payments/credit-available.js";
import { usePortalInvoice } from "./portal-api.js";
import { portalApi } from "./slug.js";

export function InvoiceDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const outcome = usePaymentOutcome();
  const invoice = usePortalInvoice(id, { pollUntilPaid: outcome === "succeeded" });
  return (
    <Stack>
      <Group data-print="hide">
        <Anchor component={Link} to="/invoices" size="sm">
          ← {t("portal.detail.backToList")}
        </Anchor>
      </Group>
      <PaymentBanner />
      <QueryDetail query={invoice}>{(data) => <InvoiceView invoice={data} />}</QueryDetail>
    </Stack>
  );
}

function InvoiceView({ invoice }: { invoice: PortalInvoiceDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <DocumentDetail
      notice={
        <>
          <PaymentProcessingNotice processing={invoice.paymentProcessing} />
          <VerifactuQr url={invoice.verifactuQrUrl} />
        </>
      }
      doc={invoice}
      title={t("portal.detail.title", { number: invoice.number ?? "" })}
      badges={<InvoiceStatusBadge status={invoice.status} isOverdue={invoice.isOverdue} />}
      actions={
        <Group gap="xs" data-print="hide">
          <PortalDocumentActions
            documentType="invoice"
            documentId={invoice.id}
            pdfPath={`/invoices/${invoice.id}/pdf`}
            pdfLabel={t("portal.detail.downloadPdf")}
            printLabel={t("portal.detail.print")}
          />
          {invoice.status === "void" ? null : (
            <UblDownloadButton href={portalApi(`/invoices/${invoice.id}/ubl`)} />
          )}
          <PortalFacturaeDownload invoiceId={invoice.id} />
        </Group>
      }
      strongFacts
      facts={[
        { label: t("invoice.issueDate"), value: f.date(invoice.issueDate) },
        { label: t("invoice.dueDate"), value: f.date(invoice.dueDate) },
        { label: t("invoice.total"), value: f.money(invoice.totalMinor, invoice.currency) },
        { label: t("invoice.amountDue"), value: f.money(invoice.dueMinor, invoice.currency) },
      ]}
      beforeLines={
        <>
          {invoice.kind === "credit_note" ? <CreditAvailable invoice={invoice} /> : null}
          {invoice.rectification ? (
            <RectificationCard rectification={invoice.rectification} currency={invoice.currency} />
          ) : null}
          {invoice.canPay || invoice.bankTransfer ? (
            <Grid data-print="hide">
              {invoice.canPay ? (
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Card withBorder h="100%">
                    <Stack gap="xs">
                      <Text size="sm">
                        {t("invoice.amountDue")}:{" "}
                        <strong>{f.money(invoice.dueMinor, invoice.currency)}</strong>
                      </Text>
                      <PayButton invoice={invoice} />
                    </Stack>
                  </Card>
                </Grid.Col>
              ) : null}
              {invoice.bankTransfer ? (
                <Grid.Col span={{ base: 12, sm: invoice.canPay ? 8 : 12 }}>
                  <BankTransferBlock bank={invoice.bankTransfer} invoice={invoice} />
                </Grid.Col>
              ) : null}
            </Grid>
          ) : null}
        </>
      }
    >
      {invoice.allocations.length > 0 ? (
        <section aria-labelledby="payments-title">
          <Title order={2} size="h4" mb="xs" id="payments-title">
            {t("invoice.payments")}
          </Title>
          <PaymentsTable allocations={invoice.allocations} currency={invoice.currency} />
        </section>
      ) : null}
      <div data-print="hide">
        <CommentsThread side="portal" documentType="invoice" documentId={invoice.id} />
      </div>
    </DocumentDetail>
  );
}
