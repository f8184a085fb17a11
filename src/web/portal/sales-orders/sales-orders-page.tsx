import { Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type PortalSalesOrderSummary, portalSalesOrderListQuery } from "../../../shared/contracts/index.js";
import { useDocumentColumns } from "../../ui/documents/document-columns.js";
import { DocumentList } from "../../ui/documents/document-list.js";
import { ListFilters } from "../../ui/documents/list-filters.js";
import { parseListFilters, useListParams } from "../../ui/documents/list-params.js";
import { SALES_ORDER_STATUSES, SalesOrderStatusBadge } from "../../ui/sales-order-status-badge.js";
import { usePortalSalesOrders } from "./sales-orders-api.js";

/** E5: the customer's sales orders (never drafts); the server searches and filters. */
export function PortalSalesOrdersPage() {
  const { t } = useTranslation();
  const col = useDocumentColumns<PortalSalesOrderSummary>();
  const params = useListParams();
  const orders = usePortalSalesOrders(parseListFilters(portalSalesOrderListQuery, params.values));

  return (
    <DocumentList
      header={
        <Title order={1} size="h2">
          {t("salesOrders.portal.title")}
        </Title>
      }
      filters={
        <ListFilters
          params={params}
          statusLabel={t("salesOrders.statusFilter")}
          statuses={SALES_ORDER_STATUSES.filter((s) => s !== "draft").map((s) => ({
            value: s,
            label: t(`salesOrders.statuses.${s}`),
          }))}
          searchLabel={t("salesOrders.portalSearch")}
          searchMaxWidth={320}
        />
      }
      query={orders}
      isFiltered={params.filtered}
      text={{
        title: t("salesOrders.portal.title"),
        noMatches: t("salesOrders.noMatches"),
        empty: t("salesOrders.portal.empty"),
      }}
      minWidth={520}
      columns={[
        col.number(
          t("salesOrders.number"),
          (o) => `/sales-orders/${o.id}`,
          (o) => o.number ?? "",
        ),
        col.text("reference", t("salesOrders.reference"), (o) => o.reference ?? t("common.none")),
        col.date("issued", t("salesOrders.issueDate"), (o) => o.issueDate),
        col.total(t("salesOrders.total")),
        col.status(t("salesOrders.status"), (o) => <SalesOrderStatusBadge status={o.status} />),
      ]}
    />
  );
}
