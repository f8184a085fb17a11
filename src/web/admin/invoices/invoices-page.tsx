import { Anchor, Button, EmptyState, Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import { INVOICE_STATUSES } from "../../ui/invoice-statuses.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { InvoiceStatusBadge } from "../../ui/status-badge.js";
import { ListFilters, useListParams } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useInvoices } from "./invoices-api.js";

export function InvoicesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const params = useListParams();
  const { status, q, filtered } = params;
  const invoices = useInvoices({ status: status || undefined, q: q || undefined });

  const newButton = (
    <Button component={Link} to="/invoices/new">
      {t("admin.invoices.new")}
    </Button>
  );

  return (
    <Stack>
      <PageHeader title={t("admin.invoices.title")} actions={newButton} />
      <ListFilters
        params={params}
        statusLabel={t("admin.invoices.statusFilter")}
        statuses={INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        searchLabel={t("admin.invoices.search")}
      />
      {invoices.isPending ? <PageLoader /> : null}
      {invoices.isError ? (
        <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} />
      ) : null}
      {invoices.data?.length === 0 ? (
        filtered ? (
          <EmptyState title={t("admin.invoices.noMatches")} py="lg" />
        ) : (
          <EmptyState
            title={t("admin.invoices.emptyTitle")}
            description={t("admin.invoices.emptyDescription")}
            py="xl"
          >
            <EmptyState.Actions>{newButton}</EmptyState.Actions>
          </EmptyState>
        )
      ) : null}
      {invoices.data && invoices.data.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("invoice.number")}</Table.Th>
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
              {invoices.data.map((invoice) => (
                <Table.Tr key={invoice.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={500}>
                      {invoice.number ?? t("invoice.draft")}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{invoice.customerName}</Table.Td>
                  <Table.Td>{f.date(invoice.issueDate)}</Table.Td>
                  <Table.Td c={invoice.isOverdue ? "red" : undefined}>{f.date(invoice.dueDate)}</Table.Td>
                  <Table.Td ta="right">{f.money(invoice.totalMinor, invoice.currency)}</Table.Td>
                  <Table.Td ta="right">{f.money(invoice.dueMinor, invoice.currency)}</Table.Td>
                  <Table.Td>
                    <InvoiceStatusBadge status={invoice.status} isOverdue={invoice.isOverdue} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
