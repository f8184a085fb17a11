import { Button, Group, Menu, SegmentedControl, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type InvoiceSummary, invoiceListQuery } from "../../../shared/contracts/index.js";
import { useDocumentColumns } from "../../ui/documents/document-columns.js";
import { DocumentList, listTextsAt } from "../../ui/documents/document-list.js";
import { ListFilters } from "../../ui/documents/list-filters.js";
import { parseListFilters, useListParams } from "../../ui/documents/list-params.js";
import { ExportMenu } from "../../ui/export/export-menu.js";
import { useFormat } from "../../ui/format.js";
import { INVOICE_STATUSES } from "../../ui/invoice-statuses.js";
import { InvoiceStatusBadge } from "../../ui/status-badge.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useInvoices } from "./invoices-api.js";
import { KindBadge } from "./kind-badge.js";

export function InvoicesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const col = useDocumentColumns<InvoiceSummary>();
  const params = useListParams();
  const filters = parseListFilters(invoiceListQuery, params.values);
  const kind = filters.kind ?? "";
  const invoices = useInvoices(filters);

  const newButton = (
    <Group gap="xs">
      <Button component={Link} to="/invoices/new">
        {t("admin.invoices.new")}
      </Button>
      <ExportMenu list="invoices" query={params.values} />
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
    <DocumentList
      header={<PageHeader title={t("admin.invoices.title")} actions={newButton} />}
      filters={
        <>
          <SegmentedControl
            aria-label={t("moneyAdmin.list.kindFilter")}
            value={kind}
            onChange={(value) => params.setParam("kind", value)}
            data={[
              { value: "", label: t("common.all") },
              { value: "invoice", label: t("moneyAdmin.list.kinds.invoice") },
              { value: "retainer", label: t("moneyAdmin.list.kinds.retainer") },
              { value: "credit_note", label: t("moneyAdmin.list.kinds.credit_note") },
            ]}
            style={{ alignSelf: "flex-start", maxWidth: "100%", overflowX: "auto" }}
          />
          <ListFilters
            params={params}
            statusLabel={t("admin.invoices.statusFilter")}
            statuses={INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            searchLabel={t("admin.invoices.search")}
          >
            <CustomerFilter label={t("invoice.customer")} params={params} />
          </ListFilters>
        </>
      }
      query={invoices}
      isFiltered={params.filtered || Boolean(kind)}
      text={listTextsAt(t, "admin.invoices")}
      emptyAction={newButton}
      minWidth={820}
      columns={[
        col.number(
          t("invoice.number"),
          (invoice) => `/invoices/${invoice.id}`,
          (invoice) => invoice.number ?? t("invoice.draft"),
        ),
        col.text("kind", t("moneyAdmin.list.kind"), (invoice) => <KindBadge kind={invoice.kind} />),
        col.text("customer", t("invoice.customer"), (invoice) => invoice.customerName),
        col.date("issued", t("invoice.issueDate"), (invoice) => invoice.issueDate),
        col.text("due", t("invoice.dueDate"), (invoice) => (
          <Text span inherit c={invoice.isOverdue ? "red" : undefined}>
            {f.date(invoice.dueDate)}
          </Text>
        )),
        col.total(t("invoice.total")),
        {
          key: "amountDue",
          header: t("invoice.amountDue"),
          kind: "money",
          cell: (invoice) =>
            invoice.kind === "credit_note"
              ? f.money(-invoice.availableMinor, invoice.currency)
              : f.money(invoice.dueMinor, invoice.currency),
        },
        col.status(t("invoice.status"), (invoice) => (
          <InvoiceStatusBadge
            status={invoice.status}
            isOverdue={invoice.isOverdue}
            paymentProcessing={invoice.paymentProcessing}
          />
        )),
      ]}
    />
  );
}
