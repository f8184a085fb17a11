import { Anchor, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PortalSalesOrderDetail } from "../../../shared/contracts/index.js";
import { DocumentDetail } from "../../ui/documents/document-detail.js";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { OrderInvoices } from "../../ui/sales-order-invoices.js";
import { SalesOrderStatusBadge } from "../../ui/sales-order-status-badge.js";
import { PortalDocumentActions } from "../document-actions.js";
import { usePortalSalesOrder } from "./sales-orders-api.js";

export function PortalSalesOrderDetailPage() {
  const { id = "" } = useParams();
  const order = usePortalSalesOrder(id);
  if (order.isPending) return <PageLoader />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  return <OrderView order={order.data} />;
}

function OrderView({ order }: { order: PortalSalesOrderDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack>
      <Anchor component={Link} to="/sales-orders" size="sm" data-print="hide">
        {t("salesOrders.portal.back")}
      </Anchor>
      <DocumentDetail
        doc={order}
        title={t("salesOrders.detailTitle", { number: order.number ?? "" })}
        badges={<SalesOrderStatusBadge status={order.status} />}
        actions={
          <PortalDocumentActions
            documentType="sales_order"
            documentId={order.id}
            pdfPath={`/sales-orders/${order.id}/pdf`}
            pdfLabel={t("salesOrders.actions.pdf")}
          />
        }
        facts={[
          { label: t("salesOrders.issueDate"), value: f.date(order.issueDate) },
          { label: t("salesOrders.deliveryDate"), value: f.date(order.deliveryDate) },
          { label: t("salesOrders.reference"), value: order.reference ?? t("common.none") },
          { label: t("salesOrders.total"), value: f.money(order.totalMinor, order.currency) },
        ]}
      >
        <OrderInvoices order={order} linkTo={(id) => `/invoices/${id}`} />
      </DocumentDetail>
    </Stack>
  );
}
