import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type SalesOrderSummary, salesOrderListQuery } from "../../../shared/contracts/index.js";
import { useDocumentColumns } from "../../ui/documents/document-columns.js";
import { DocumentList, listTextsAt } from "../../ui/documents/document-list.js";
import { ListFilters } from "../../ui/documents/list-filters.js";
import { parseListFilters, useListParams } from "../../ui/documents/list-params.js";
import { SALES_ORDER_STATUSES, SalesOrderStatusBadge } from "../../ui/sales-order-status-badge.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useSalesOrders } from "./sales-orders-api.js";

export function SalesOrdersPage() {
  const { t } = useTranslation();
  const col = useDocumentColumns<SalesOrderSummary>();
  const params = useListParams();
  const orders = useSalesOrders(parseListFilters(salesOrderListQuery, params.values));

  const newButton = (
    <Button component={Link} to="/sales-orders/new">
      {t("salesOrders.new")}
    </Button>
  );

  return (
    <DocumentList
      header={<PageHeader title={t("salesOrders.title")} actions={newButton} />}
      filters={
        <ListFilters
          params={params}
          statusLabel={t("salesOrders.statusFilter")}
          statuses={SALES_ORDER_STATUSES.map((s) => ({ value: s, label: t(`salesOrders.statuses.${s}`) }))}
          searchLabel={t("salesOrders.search")}
        >
          <CustomerFilter label={t("salesOrders.customerFilter")} params={params} />
        </ListFilters>
      }
      query={orders}
      isFiltered={params.filtered}
      text={listTextsAt(t, "salesOrders")}
      emptyAction={newButton}
      minWidth={720}
      columns={[
        col.number(
          t("salesOrders.number"),
          (o) => `/sales-orders/${o.id}`,
          (o) => o.number ?? t("salesOrders.draft"),
        ),
        col.text("customer", t("salesOrders.customer"), (o) => o.customerName),
        col.text("reference", t("salesOrders.reference"), (o) => o.reference ?? t("common.none")),
        col.date("issued", t("salesOrders.issueDate"), (o) => o.issueDate),
        col.total(t("salesOrders.total")),
        col.status(t("salesOrders.status"), (o) => <SalesOrderStatusBadge status={o.status} />),
      ]}
    />
  );
}
