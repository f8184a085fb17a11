import { Anchor, EmptyState, Group, Select, Stack, Table, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../ui/format.js";
import { INVOICE_STATUSES } from "../ui/invoice-statuses.js";
import { ErrorState, PageLoader } from "../ui/page-states.js";
import { InvoiceStatusBadge } from "../ui/status-badge.js";
import { PaymentBanner } from "./payment-banner.js";
import { usePortalInvoices } from "./portal-api.js";

export function InvoicesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const invoices = usePortalInvoices();
  const [status, setStatus] = useState("");
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const rows = (invoices.data ?? []).filter(
    (invoice) =>
      (!status || invoice.status === status || (status === "overdue" && invoice.isOverdue)) &&
      (!needle || (invoice.number ?? "").toLowerCase().includes(needle)),
  );
  const statuses = INVOICE_STATUSES.filter((s) => s !== "draft");

  return (
    <Stack>
      <Title order={1} size="h2">
        {t("portal.invoices.title")}
      </Title>
      <PaymentBanner />
      <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <Select
          label={t("portal.invoices.statusFilter")}
          data={[
            { value: "", label: t("common.all") },
            ...statuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
            { value: "overdue", label: t("status.overdue") },
          ]}
          value={status}
          onChange={(value) => setStatus(value ?? "")}
          allowDeselect={false}
          miw={180}
          maw={240}
        />
        <TextInput
          type="search"
          label={t("portal.invoices.search")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          miw={200}
          maw={320}
        />
      </Group>
      {invoices.isPending ? <PageLoader /> : null}
      {invoices.isError ? (
        <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} />
      ) : null}
      {invoices.data && rows.length === 0 ? (
        <EmptyState
          title={invoices.data.length === 0 ? t("portal.invoices.empty") : t("portal.invoices.noMatches")}
          py="lg"
        />
      ) : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("invoice.number")}</Table.Th>
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
                      {invoice.number ?? invoice.id.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
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
