import { Anchor, Button, Group, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { IssueDateBody, SalesOrderDetail } from "../../../shared/contracts/index.js";
import { CommentsThread } from "../../ui/comments/comments-thread.js";
import { decimalMarkOf, scaledToInput } from "../../ui/decimal.js";
import { DocumentDetail } from "../../ui/documents/document-detail.js";
import { useFormat } from "../../ui/format.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { OrderInvoices } from "../../ui/sales-order-invoices.js";
import { SalesOrderStatusBadge } from "../../ui/sales-order-status-badge.js";
import { DocumentActivity } from "../customers/customer-activity.js";
import { VoidDocumentModal } from "../documents/void-document-modal.js";
import { SendDocumentModal } from "../invoices/send-invoice-modal.js";
import { IssueDateDialog } from "../issue-dates/issue-date-offer.js";
import { issueDateRefusal } from "../issue-dates/issue-date-refusal.js";
import { PdfDownload } from "../pdf-download/pdf-download.js";
import { SalesOrderInvoiceModal } from "./sales-order-invoice-modal.js";
import {
  useConfirmSalesOrder,
  useSalesOrder,
  useSendSalesOrder,
  useVoidSalesOrder,
} from "./sales-orders-api.js";

export function SalesOrderDetailPage() {
  const { id = "" } = useParams();
  const order = useSalesOrder(id);
  if (order.isPending) return <PageLoader />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  return <OrderView order={order.data} />;
}

function OrderView({ order }: { order: SalesOrderDetail }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const mark = decimalMarkOf(i18n.language);
  const title = order.number
    ? t("salesOrders.detailTitle", { number: order.number })
    : t("salesOrders.draftTitle");
  return (
    <DocumentDetail
      doc={order}
      title={title}
      badges={<SalesOrderStatusBadge status={order.status} />}
      actions={<OrderActions order={order} />}
      facts={[
        {
          label: t("salesOrders.customer"),
          value: (
            <Anchor component={Link} to={`/customers/${order.customerId}`}>
              {order.customerName}
            </Anchor>
          ),
        },
        { label: t("salesOrders.issueDate"), value: f.date(order.issueDate) },
        { label: t("salesOrders.deliveryDate"), value: f.date(order.deliveryDate) },
        { label: t("salesOrders.reference"), value: order.reference ?? t("common.none") },
      ]}
      footnote={order.viewedAt ? t("salesOrders.viewedAt", { date: f.dateTime(order.viewedAt) }) : null}
      afterLines={
        order.status !== "draft" ? (
          <ResponsiveTable
            minWidth={420}
            label={t("salesOrders.fulfilment")}
            rows={order.lines}
            rowKey={(l) => l.id}
            striped={false}
            columns={[
              {
                key: "description",
                header: t("invoice.description"),
                kind: "title",
                cell: (l) => l.description,
              },
              {
                key: "ordered",
                header: t("salesOrders.invoiceModal.ordered"),
                kind: "money",
                cell: (l) => scaledToInput(l.quantityMilli, 3, mark),
              },
              {
                key: "invoiced",
                header: t("salesOrders.invoiceModal.invoiced"),
                kind: "money",
                cell: (l) => scaledToInput(l.invoicedQuantityMilli, 3, mark),
              },
              {
                key: "remaining",
                header: t("salesOrders.invoiceModal.remaining"),
                kind: "money",
                cell: (l) => scaledToInput(l.remainingQuantityMilli, 3, mark),
              },
            ]}
          />
        ) : null
      }
    >
      <OrderInvoices order={order} linkTo={(id) => `/invoices/${id}`} />
      <CommentsThread side="staff" documentType="sales_order" documentId={order.id} />
      {order.status !== "draft" ? (
        <DocumentActivity documentType="sales_order" documentId={order.id} />
      ) : null}
    </DocumentDetail>
  );
}

function OrderActions({ order }: { order: SalesOrderDetail }) {
  const { t } = useTranslation();
  const confirm = useConfirmSalesOrder(order.id);
  const voidOrder = useVoidSalesOrder(order.id);
  const send = useSendSalesOrder(order.id);
  const [invoiceOpened, invoiceModal] = useDisclosure(false);
  const [sendOpened, sendModal] = useDisclosure(false);
  const [voidOpened, voidModal] = useDisclosure(false);
  const isDraft = order.status === "draft";
  const isOpen = ["confirmed", "partially_invoiced", "invoiced"].includes(order.status);
  const canInvoice = order.status === "confirmed" || order.status === "partially_invoiced";
  const canVoid = isDraft || order.status === "confirmed";
  // Confirming numbers the order: a refused date (issue 10) offers to confirm it dated today.
  const dateRefusal = issueDateRefusal(confirm.error);
  const confirmWith = (dates: IssueDateBody | undefined) =>
    confirm.mutate(dates, {
      onSuccess: (o) => notifyDone(t("salesOrders.actions.confirmed", { number: o.number })),
    });
  return (
    <Stack gap="xs" align="stretch">
      <Group gap="xs">
        {isDraft ? (
          <Button component={Link} to={`/sales-orders/${order.id}/edit`} variant="default">
            {t("admin.detail.edit")}
          </Button>
        ) : null}
        {isDraft ? (
          <Button loading={confirm.isPending} onClick={() => confirmWith(undefined)}>
            {t("salesOrders.actions.confirm")}
          </Button>
        ) : null}
        {canInvoice ? (
          <Button onClick={invoiceModal.open}>{t("salesOrders.actions.createInvoice")}</Button>
        ) : null}
        {isOpen ? (
          <Button variant="light" onClick={sendModal.open}>
            {t("salesOrders.actions.send")}
          </Button>
        ) : null}
        <PdfDownload
          href={`/api/sales-orders/${order.id}/pdf`}
          customerId={order.customerId}
          label={t("salesOrders.actions.pdf")}
        />
        {canVoid ? (
          <Button variant="subtle" color="red" onClick={voidModal.open}>
            {t("salesOrders.actions.void")}
          </Button>
        ) : null}
      </Group>
      {dateRefusal ? null : <ErrorAlert error={confirm.error} />}
      <IssueDateDialog
        refusal={dateRefusal}
        document="salesOrder"
        action="confirm"
        editHref={`/sales-orders/${order.id}/edit`}
        pending={confirm.isPending}
        onClose={() => confirm.reset()}
        onUseToday={() => confirmWith({ useToday: true })}
      />
      <SalesOrderInvoiceModal order={order} opened={invoiceOpened} onClose={invoiceModal.close} />
      <SendDocumentModal
        customerId={order.customerId}
        opened={sendOpened}
        onClose={sendModal.close}
        send={send}
        title={t("salesOrders.send.title")}
        intro={t("salesOrders.send.intro")}
        confirmLabel={t("salesOrders.send.confirm")}
        noContacts={t("salesOrders.send.noContacts")}
        sentMessage={(emails) => t("salesOrders.send.sentTo", { emails })}
      />
      <VoidDocumentModal
        opened={voidOpened}
        onClose={voidModal.close}
        voidDocument={voidOrder}
        text={{
          title: t("salesOrders.actions.voidTitle"),
          body: t("salesOrders.actions.voidBody"),
          confirm: t("salesOrders.actions.voidConfirm"),
          voided: t("salesOrders.actions.voided"),
        }}
      />
    </Stack>
  );
}
