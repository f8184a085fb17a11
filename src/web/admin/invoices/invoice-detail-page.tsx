import { Anchor, Card, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Allocation, InvoiceDetail } from "../../../shared/contracts/index.js";
import { CommentsThread } from "../../ui/comments/comments-thread.js";
import { DocumentDetail } from "../../ui/documents/document-detail.js";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { PaymentProcessingNotice } from "../../ui/payment-processing-notice.js";
import { PaymentsTable } from "../../ui/payments-table.js";
import { RectificationCard } from "../../ui/rectifying/rectification-card.js";
import { InvoiceStatusBadge } from "../../ui/status-badge.js";
import { VerifactuQr } from "../../ui/verifactu/verifactu-qr.js";
import { DocumentActivity } from "../customers/customer-activity.js";
import { CreditSection } from "./credit-section.js";
import { InvoiceActions } from "./invoice-actions.js";
import { InvoiceGatewaysSection } from "./invoice-gateways-section.js";
import { documentTitle } from "./invoice-kinds.js";
import { useInvoice } from "./invoices-api.js";

export function InvoiceDetailPage() {
  const { id = "" } = useParams();
  const invoice = useInvoice(id);
  if (invoice.isPending) return <PageLoader />;
  if (invoice.isError) return <ErrorState error={invoice.error} onRetry={() => void invoice.refetch()} />;
  return <InvoiceView invoice={invoice.data} onReload={() => void invoice.refetch()} />;
}

/** Payments open on their own page; a credit note or a retainer on the invoice page. */
function sourceHref(a: Allocation): string {
  return a.sourceType === "payment" ? `/payments/${a.sourceId}` : `/invoices/${a.sourceId}`;
}

function InvoiceView({ invoice, onReload }: { invoice: InvoiceDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = documentTitle(t, invoice);
  const isCredit = invoice.kind === "credit_note";

  return (
    <DocumentDetail
      notice={
        <>
          <PaymentProcessingNotice processing={invoice.paymentProcessing} />
          <VerifactuQr url={invoice.verifactuQrUrl} />
        </>
      }
      doc={invoice}
      title={title}
      badges={<InvoiceStatusBadge status={invoice.status} isOverdue={invoice.isOverdue} />}
      actions={<InvoiceActions invoice={invoice} />}
      facts={[
        {
          label: t("invoice.customer"),
          value: (
            <Anchor component={Link} to={`/customers/${invoice.customerId}`}>
              {invoice.customerName}
            </Anchor>
          ),
        },
        { label: t("invoice.issueDate"), value: f.date(invoice.issueDate) },
        { label: t("invoice.dueDate"), value: f.date(invoice.dueDate) },
        isCredit
          ? {
              label: t("moneyAdmin.credit.creditNote.available"),
              value: f.money(invoice.availableMinor, invoice.currency),
            }
          : { label: t("invoice.amountDue"), value: f.money(invoice.dueMinor, invoice.currency) },
        invoice.correctsInvoiceId
          ? {
              label: t("moneyAdmin.editor.corrects"),
              value: (
                <Anchor component={Link} to={`/invoices/${invoice.correctsInvoiceId}`}>
                  {invoice.correctsInvoiceNumber}
                </Anchor>
              ),
            }
          : null,
        invoice.recurringProfileId
          ? {
              label: t("recurring.madeBy"),
              value: (
                <Anchor component={Link} to={`/recurring/${invoice.recurringProfileId}`}>
                  {t("recurring.openProfile")}
                </Anchor>
              ),
            }
          : null,
      ]}
      footnote={invoice.viewedAt ? t("admin.detail.viewedAt", { date: f.dateTime(invoice.viewedAt) }) : null}
    >
      {invoice.rectification ? (
        <RectificationCard
          rectification={invoice.rectification}
          currency={invoice.currency}
          linkTo={(id) => `/invoices/${id}`}
        />
      ) : null}
      {invoice.kind !== "invoice" ? <CreditSection invoice={invoice} onReload={onReload} /> : null}
      {isCredit ? null : (
        <Card withBorder component="section" aria-labelledby="payments-title">
          <Title order={2} size="h4" mb="xs" id="payments-title">
            {t("invoice.payments")}
          </Title>
          <PaymentsTable
            allocations={invoice.allocations}
            currency={invoice.currency}
            sourceHref={sourceHref}
          />
        </Card>
      )}
      {invoice.kind === "invoice" && invoice.status !== "void" && invoice.status !== "paid" ? (
        <InvoiceGatewaysSection invoice={invoice} />
      ) : null}
      <CommentsThread side="staff" documentType="invoice" documentId={invoice.id} />
      {invoice.status !== "draft" ? (
        <DocumentActivity documentType="invoice" documentId={invoice.id} />
      ) : null}
    </DocumentDetail>
  );
}
