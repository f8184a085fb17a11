import { Anchor, Button, Group, Menu, SegmentedControl, Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../../ui/format.js";
import { INVOICE_STATUSES } from "../../ui/invoice-statuses.js";
import { QueryList } from "../../ui/query-states.js";
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
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("invoice.number")}</Table.Th>
                  <Table.Th scope="col">{t("moneyAdmin.list.kind")}</Table.Th>
                  <Table.Th scope="col">{t("invoice.customer")}</Table.Th>
                  <Table.Th scope="col">{t("invoice.issueDate")}</Table.Th>
                  <Table.Th scope="col">{t("invoice.dueDate")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("invoice.total")}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("invoice.amountDue")}
                  </Table.Th>
                  <Table.Th scope="col">{t("invoice.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={500}>
                        {invoice.number ?? t("invoice.draft")}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <KindBadge kind={invoice.kind} />
                    </Table.Td>
                    <Table.Td>{invoice.customerName}</Table.Td>
                    <Table.Td>{f.date(invoice.issueDate)}</Table.Td>
                    <Table.Td c={invoice.isOverdue ? "red" : undefined}>{f.date(invoice.dueDate)}</Table.Td>
                    <Table.Td ta="right">{f.money(invoice.totalMinor, invoice.currency)}</Table.Td>
                    <Table.Td ta="right">
                      {invoice.kind === "credit_note"
                        ? f.money(-invoice.availableMinor, invoice.currency)
                        : f.money(invoice.dueMinor, invoice.currency)}
                    </Table.Td>
                    <Table.Td>
                      <InvoiceStatusBadge status={invoice.status} isOverdue={invoice.isOverdue} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryList>
    </Stack>
  );
}
