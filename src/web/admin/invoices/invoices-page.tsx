import { Anchor, Button, Group, Menu, SegmentedControl, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../../ui/format.js";
import { INVOICE_STATUSES } from "../../ui/invoice-statuses.js";
import { QueryList } from "../../ui/query-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { InvoiceStatusBadge } from "../../ui/status-badge.js";
import { ListFilters, useListParams } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { isInvoiceKind } from "./invoice-kinds.js";
import { useInvoices } from "./invoices-api.js";
import { KindBadge } from "./kind-badge.js";

export function InvoicesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const params = useListParams();
  const [search, setSearch] = useSearchParams();
  const kindParam = search.get("kind");
  const kind = isInvoiceKind(kindParam) ? kindParam : "";
  const { status, q, customerId } = params;
  const filtered = params.filtered || Boolean(kind);
  const invoices = useInvoices({
    status: status || undefined,
    kind: kind || undefined,
    customerId: customerId || undefined,
    q: q || undefined,
  });
  const setKind = (value: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set("kind", value);
        else next.delete("kind");
        return next;
      },
      { replace: true },
    );

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
    <Stack>
      <PageHeader title={t("admin.invoices.title")} actions={newButton} />
      <SegmentedControl
        aria-label={t("moneyAdmin.list.kindFilter")}
        value={kind}
        onChange={setKind}
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
        customerLabel={t("invoice.customer")}
      />
      <QueryList
        query={invoices}
        isFiltered={filtered}
        noMatchesTitle={t("admin.invoices.noMatches")}
        emptyTitle={t("admin.invoices.emptyTitle")}
        emptyDescription={t("admin.invoices.emptyDescription")}
        emptyAction={newButton}
      >
        {(rows) => (
          <ResponsiveTable
            minWidth={820}
            label={t("admin.invoices.title")}
            rows={rows}
            rowKey={(invoice) => invoice.id}
            columns={[
              {
                key: "number",
                header: t("invoice.number"),
                kind: "title",
                cell: (invoice) => (
                  <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={500}>
                    {invoice.number ?? t("invoice.draft")}
                  </Anchor>
                ),
              },
              {
                key: "kind",
                header: t("moneyAdmin.list.kind"),
                cell: (invoice) => <KindBadge kind={invoice.kind} />,
              },
              { key: "customer", header: t("invoice.customer"), cell: (invoice) => invoice.customerName },
              { key: "issued", header: t("invoice.issueDate"), cell: (invoice) => f.date(invoice.issueDate) },
              {
                key: "due",
                header: t("invoice.dueDate"),
                cell: (invoice) => (
                  <Text span inherit c={invoice.isOverdue ? "red" : undefined}>
                    {f.date(invoice.dueDate)}
                  </Text>
                ),
              },
              {
                key: "total",
                header: t("invoice.total"),
                kind: "money",
                cell: (invoice) => f.money(invoice.totalMinor, invoice.currency),
              },
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
                key: "status",
                header: t("invoice.status"),
                kind: "aside",
                cell: (invoice) => (
                  <InvoiceStatusBadge status={invoice.status} isOverdue={invoice.isOverdue} />
                ),
              },
            ]}
          />
        )}
      </QueryList>
    </Stack>
  );
}
