import { Anchor, Button, EmptyState, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { PortalInvoiceSummary } from "../../shared/contracts/index.js";
import { useFormat } from "../ui/format.js";
import { INVOICE_STATUSES } from "../ui/invoice-statuses.js";
import { ErrorAlert, ErrorState, PageLoader } from "../ui/page-states.js";
import { type Column, ResponsiveTable } from "../ui/responsive-table.js";
import { InvoiceStatusBadge } from "../ui/status-badge.js";
import { PaymentBanner } from "./payment-banner.js";
import { usePortalInvoices } from "./portal-api.js";

const KINDS = ["invoice", "retainer", "credit_note"] as const;
const SORTS = ["date-desc", "date-asc", "due-asc", "due-desc", "amount-desc", "amount-asc"] as const;
type Param = "q" | "status" | "kind" | "sort";

/**
 * The list's search, filters and sort live in the address (like the back office's lists), so a filtered
 * list can be bookmarked and survives a reload. The search is debounced before it reaches the API.
 */
function useInvoiceListParams() {
  const [params, setParams] = useSearchParams();
  const read = (key: Param) => params.get(key) ?? "";
  const search = read("q");
  const [q] = useDebouncedValue(search.trim(), 300);
  const sort = (SORTS as readonly string[]).includes(read("sort")) ? read("sort") : "date-desc";
  const set = (key: Param, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value && !(key === "sort" && value === "date-desc")) next.set(key, value);
        else next.delete(key);
        next.delete("payment");
        return next;
      },
      { replace: true },
    );
  return { search, q, status: read("status"), kind: read("kind"), sort, set };
}

/** E3: the customer's invoices, retainers and (on request) credit notes, a keyset page at a time. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const p = useInvoiceListParams();
  const [sortKey, dir] = p.sort.split("-");
  const invoices = usePortalInvoices({
    q: p.q || undefined,
    status: p.status || undefined,
    kind: p.kind || undefined,
    sort: sortKey,
    dir,
  });
  const rows = invoices.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(p.q || p.status || p.kind);
  const statuses = INVOICE_STATUSES.filter((s) => s !== "draft");

  return (
    <Stack>
      <Title order={1} size="h2">
        {t("portal.invoices.title")}
      </Title>
      <PaymentBanner />
      <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          type="search"
          label={t("portalHome.list.search")}
          value={p.search}
          onChange={(e) => p.set("q", e.currentTarget.value)}
          miw={200}
          maw={320}
        />
        <Select
          label={t("portal.invoices.statusFilter")}
          data={[
            { value: "", label: t("common.all") },
            ...statuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
            { value: "overdue", label: t("status.overdue") },
          ]}
          value={p.status}
          onChange={(value) => p.set("status", value ?? "")}
          allowDeselect={false}
          miw={160}
          maw={220}
        />
        <Select
          label={t("portalHome.list.kind")}
          data={[
            { value: "", label: t("portalHome.list.kinds.all") },
            ...KINDS.map((k) => ({ value: k, label: t(`portalHome.list.kinds.${k}`) })),
          ]}
          value={p.kind}
          onChange={(value) => p.set("kind", value ?? "")}
          allowDeselect={false}
          miw={180}
          maw={260}
        />
        <Select
          label={t("portalHome.list.sort")}
          data={SORTS.map((s) => ({ value: s, label: t(`portalHome.list.sorts.${s}`) }))}
          value={p.sort}
          onChange={(value) => p.set("sort", value ?? "")}
          allowDeselect={false}
          miw={180}
          maw={260}
        />
      </Group>
      {invoices.isPending ? <PageLoader /> : null}
      {invoices.isError && !invoices.data ? (
        <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} />
      ) : null}
      {invoices.data && rows.length === 0 ? (
        <EmptyState title={filtered ? t("portal.invoices.noMatches") : t("portal.invoices.empty")} py="lg" />
      ) : null}
      {rows.length > 0 ? <InvoiceTable rows={rows} /> : null}
      {rows.length > 0 ? (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("portalHome.list.shown", { count: rows.length })}
          </Text>
          {invoices.hasNextPage ? (
            <Button
              variant="default"
              loading={invoices.isFetchingNextPage}
              onClick={() => void invoices.fetchNextPage()}
            >
              {t("portalHome.list.loadMore")}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {invoices.isFetchNextPageError ? <ErrorAlert error={invoices.error} /> : null}
    </Stack>
  );
}

function InvoiceTable({ rows }: { rows: PortalInvoiceSummary[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns: Column<PortalInvoiceSummary>[] = [
    {
      key: "number",
      header: t("invoice.number"),
      kind: "title",
      cell: (invoice) => (
        <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={500}>
          {invoice.number ?? invoice.id.slice(0, 8)}
        </Anchor>
      ),
    },
    { key: "kind", header: t("portalHome.list.kind"), cell: (i) => t(`portalHome.list.kindOf.${i.kind}`) },
    { key: "issued", header: t("invoice.issueDate"), cell: (i) => f.date(i.issueDate) },
    {
      key: "due",
      header: t("invoice.dueDate"),
      cell: (i) =>
        i.isOverdue ? (
          <Text span c="red" inherit>
            {f.date(i.dueDate)}
          </Text>
        ) : (
          f.date(i.dueDate)
        ),
    },
    {
      key: "total",
      header: t("invoice.total"),
      kind: "money",
      cell: (i) => f.money(i.totalMinor, i.currency),
    },
    {
      key: "amountDue",
      header: t("invoice.amountDue"),
      kind: "money",
      cell: (i) => f.money(i.dueMinor, i.currency),
    },
    {
      key: "status",
      header: t("invoice.status"),
      kind: "aside",
      cell: (invoice) => (
        <InvoiceStatusBadge
          status={invoice.status}
          isOverdue={invoice.isOverdue}
          paymentProcessing={invoice.paymentProcessing}
        />
      ),
    },
  ];
  return (
    <ResponsiveTable
      minWidth={700}
      label={t("portal.invoices.title")}
      rows={rows}
      rowKey={(i) => i.id}
      columns={columns}
    />
  );
}
