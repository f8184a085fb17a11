import { Button, Group, Menu, SegmentedControl, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InvoiceSummary } from "../../../shared/contracts/index.js";
import { useDocumentColumns } from "../../ui/documents/document-columns.js";
import { listTextsAt } from "../../ui/documents/document-list.js";
import { ExportMenu } from "../../ui/export/export-menu.js";
import { useFormat } from "../../ui/format.js";
import { INVOICE_STATUSES } from "../../ui/invoice-statuses.js";
import {
  CurrencyFilter,
  DateRangeFilter,
  FlagFilter,
  SearchFilter,
  SelectFilter,
} from "../../ui/lists/filter-controls.js";
import { exportQuery } from "../../ui/lists/list-view.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { InvoiceStatusBadge } from "../../ui/status-badge.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useInvoiceList, useInvoicePage } from "../lists/staff-lists.js";
import { KindBadge } from "./kind-badge.js";

export function InvoicesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const col = useDocumentColumns<InvoiceSummary>();
  const list = useInvoiceList();
  const { page, totals } = useInvoicePage(list);

  const newButton = (
    <Group gap="xs">
      <Button component={Link} to="/invoices/new">
        {t("admin.invoices.new")}
      </Button>
      {/* Kept inside the page's main landmark: portalled to <body>, its items belong to no region. */}
      <Menu position="bottom-end" withinPortal={false}>
        <Menu.Target>
          <Button variant="default">{t("moneyAdmin.list.more")}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to="/invoices/new?kind=retainer">
            {t("moneyAdmin.newTitles.retainer")}
          </Menu.Item>
          <Menu.Item component={Link} to="/invoices/new?kind=credit_note">
            {t("moneyAdmin.newTitles.credit_note")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );

  return (
    <PagedList
      list={list}
      exportMenu={<ExportMenu list="invoices" query={exportQuery(list.view)} />}
      header={
        <>
          <PageHeader title={t("admin.invoices.title")} actions={newButton} />
          <SegmentedControl
            aria-label={t("moneyAdmin.list.kindFilter")}
            value={list.view.filters.kind}
            onChange={(value) => list.setFilter("kind", value)}
            data={[
              { value: "", label: t("common.all") },
              { value: "invoice", label: t("moneyAdmin.list.kinds.invoice") },
              { value: "retainer", label: t("moneyAdmin.list.kinds.retainer") },
              { value: "credit_note", label: t("moneyAdmin.list.kinds.credit_note") },
            ]}
            style={{ alignSelf: "flex-start", maxWidth: "100%", overflowX: "auto" }}
          />
        </>
      }
      filters={
        <>
          <SelectFilter
            list={list}
            name="status"
            label={t("admin.invoices.statusFilter")}
            options={INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <CustomerFilter label={t("invoice.customer")} list={list} />
          <DateRangeFilter list={list} />
          <CurrencyFilter list={list} />
          <SearchFilter list={list} label={t("admin.invoices.search")} />
          <FlagFilter list={list} name="overdue" label={t("lists.filters.overdue")} />
        </>
      }
      page={page}
      totals={totals}
      totalsText={{
        count: (count) => t("lists.count.invoices", { count }),
        amount: t("lists.totals.total"),
        due: t("lists.totals.due"),
      }}
      text={listTextsAt(t, "admin.invoices")}
      emptyAction={newButton}
      minWidth={820}
      columns={[
        {
          ...col.number(
            t("invoice.number"),
            (invoice) => `/invoices/${invoice.id}`,
            (invoice) => invoice.number ?? t("invoice.draft"),
          ),
          sort: "number",
        },
        col.text("kind", t("moneyAdmin.list.kind"), (invoice) => <KindBadge kind={invoice.kind} />),
        {
          ...col.text("customer", t("invoice.customer"), (invoice) => invoice.customerName),
          sort: "customer",
        },
        { ...col.date("issued", t("invoice.issueDate"), (invoice) => invoice.issueDate), sort: "date" },
        {
          ...col.text("due", t("invoice.dueDate"), (invoice) => (
            <Text span inherit c={invoice.isOverdue ? "red" : undefined}>
              {f.date(invoice.dueDate)}
            </Text>
          )),
          sort: "due",
        },
        { ...col.total(t("invoice.total")), sort: "amount" },
        {
          key: "amountDue",
          header: t("invoice.amountDue"),
          kind: "money",
          cell: (invoice) =>
            invoice.kind === "credit_note"
              ? f.money(-invoice.availableMinor, invoice.currency)
              : f.money(invoice.dueMinor, invoice.currency),
        },
        {
          ...col.status(t("invoice.status"), (invoice) => (
            <InvoiceStatusBadge
              status={invoice.status}
              isOverdue={invoice.isOverdue}
              paymentProcessing={invoice.paymentProcessing}
            />
          )),
          sort: "status",
        },
      ]}
    />
  );
}
