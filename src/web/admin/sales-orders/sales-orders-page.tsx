import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SalesOrderSummary } from "../../../shared/contracts/index.js";
import { useDocumentColumns } from "../../ui/documents/document-columns.js";
import { listTextsAt } from "../../ui/documents/document-list.js";
import { ExportMenu } from "../../ui/export/export-menu.js";
import {
  CurrencyFilter,
  DateRangeFilter,
  SearchFilter,
  SelectFilter,
} from "../../ui/lists/filter-controls.js";
import { exportQuery } from "../../ui/lists/list-view.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { SALES_ORDER_STATUSES, SalesOrderStatusBadge } from "../../ui/sales-order-status-badge.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useSalesOrderList, useSalesOrderPage } from "../lists/staff-lists.js";

export function SalesOrdersPage() {
  const { t } = useTranslation();
  const col = useDocumentColumns<SalesOrderSummary>();
  const list = useSalesOrderList();
  const { page, totals } = useSalesOrderPage(list);

  const newButton = (
    <Button component={Link} to="/sales-orders/new">
      {t("salesOrders.new")}
    </Button>
  );

  return (
    <PagedList
      list={list}
      exportMenu={<ExportMenu list="sales-orders" query={exportQuery(list.view)} />}
      header={<PageHeader title={t("salesOrders.title")} actions={newButton} />}
      filters={
        <>
          <SelectFilter
            list={list}
            name="status"
            label={t("salesOrders.statusFilter")}
            options={SALES_ORDER_STATUSES.map((s) => ({ value: s, label: t(`salesOrders.statuses.${s}`) }))}
          />
          <CustomerFilter label={t("salesOrders.customerFilter")} list={list} />
          <DateRangeFilter list={list} />
          <CurrencyFilter list={list} />
          <SearchFilter list={list} label={t("salesOrders.search")} />
        </>
      }
      page={page}
      totals={totals}
      totalsText={{
        count: (count) => t("lists.count.salesOrders", { count }),
        amount: t("lists.totals.total"),
      }}
      text={listTextsAt(t, "salesOrders")}
      emptyAction={newButton}
      minWidth={720}
      columns={[
        {
          ...col.number(
            t("salesOrders.number"),
            (o) => `/sales-orders/${o.id}`,
            (o) => o.number ?? t("salesOrders.draft"),
          ),
          sort: "number",
        },
        { ...col.text("customer", t("salesOrders.customer"), (o) => o.customerName), sort: "customer" },
        col.text("reference", t("salesOrders.reference"), (o) => o.reference ?? t("common.none")),
        { ...col.date("issued", t("salesOrders.issueDate"), (o) => o.issueDate), sort: "date" },
        { ...col.total(t("salesOrders.total")), sort: "amount" },
        {
          ...col.status(t("salesOrders.status"), (o) => <SalesOrderStatusBadge status={o.status} />),
          sort: "status",
        },
      ]}
    />
  );
}
