import { Anchor, Group, Select, Stack, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalQuoteFilter, PortalQuoteSummary } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
import { PORTAL_QUOTE_FILTERS } from "../../ui/quote-statuses.js";
import { type Column, ResponsiveTable } from "../../ui/responsive-table.js";
import { QuoteStatusBadge } from "../../ui/status-badge.js";
import { usePortalQuotes } from "./quotes-api.js";

export function PortalQuotesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState<PortalQuoteFilter | "">("");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const quotes = usePortalQuotes({ status: status || undefined, q: q || undefined });
  const filtered = Boolean(status || q);
  const columns: Column<PortalQuoteSummary>[] = [
    {
      key: "number",
      header: t("quotes.field.number"),
      kind: "title",
      cell: (quote) => (
        <Anchor component={Link} to={`/quotes/${quote.id}`} fw={500}>
          {quote.displayNumber ?? quote.id.slice(0, 8)}
        </Anchor>
      ),
    },
    { key: "issued", header: t("quotes.field.issueDate"), cell: (quote) => f.date(quote.issueDate) },
    {
      key: "expiry",
      header: t("quotes.field.expiryDate"),
      cell: (quote) => (quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry")),
    },
    {
      key: "total",
      header: t("quotes.field.total"),
      kind: "money",
      cell: (quote) => f.money(quote.totalMinor, quote.currency),
    },
    {
      key: "status",
      header: t("quotes.field.status"),
      kind: "aside",
      cell: (quote) => <QuoteStatusBadge status={quote.status} />,
    },
  ];

  return (
    <Stack>
      <Title order={1} size="h2">
        {t("quotes.portal.title")}
      </Title>
      <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <Select
          label={t("quotes.portal.statusFilter")}
          data={[
            { value: "", label: t("common.all") },
            ...PORTAL_QUOTE_FILTERS.map((s) => ({ value: s, label: t(`quotes.portal.filter.${s}`) })),
          ]}
          value={status}
          onChange={(value) => setStatus((value ?? "") as PortalQuoteFilter | "")}
          allowDeselect={false}
          miw={180}
          maw={240}
        />
        <TextInput
          type="search"
          label={t("quotes.portal.search")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          miw={200}
          maw={320}
        />
      </Group>
      <QueryList
        query={quotes}
        isFiltered={filtered}
        noMatchesTitle={t("quotes.portal.noMatches")}
        emptyTitle={t("quotes.portal.empty")}
      >
        {(rows) => (
          <ResponsiveTable
            minWidth={560}
            label={t("quotes.portal.title")}
            rows={rows}
            rowKey={(quote) => quote.id}
            columns={columns}
          />
        )}
      </QueryList>
    </Stack>
  );
}
