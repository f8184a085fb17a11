import { Anchor, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
import { QUOTE_STATUSES } from "../../ui/quote-statuses.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { QuoteStatusBadge } from "../../ui/status-badge.js";
import { ListFilters, useListParams } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useQuotes } from "./quotes-api.js";

export function QuotesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const params = useListParams();
  const { status, customerId, q, filtered } = params;
  const quotes = useQuotes({
    status: status || undefined,
    customerId: customerId || undefined,
    q: q || undefined,
  });

  const newButton = (
    <Button component={Link} to={customerId ? `/quotes/new?customerId=${customerId}` : "/quotes/new"}>
      {t("quotes.list.new")}
    </Button>
  );

  return (
    <Stack>
      <PageHeader title={t("quotes.list.title")} actions={newButton} />
      <ListFilters
        params={params}
        statusLabel={t("quotes.list.statusFilter")}
        statuses={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`quotes.status.${s}`) }))}
        customerLabel={t("quotes.list.customerFilter")}
        searchLabel={t("quotes.list.search")}
      />
      <QueryList
        query={quotes}
        isFiltered={filtered}
        noMatchesTitle={t("quotes.list.noMatches")}
        emptyTitle={t("quotes.list.emptyTitle")}
        emptyDescription={t("quotes.list.emptyDescription")}
        emptyAction={newButton}
      >
        {(rows) => (
          <ResponsiveTable
            minWidth={720}
            label={t("quotes.list.title")}
            rows={rows}
            rowKey={(quote) => quote.id}
            columns={[
              {
                key: "number",
                header: t("quotes.field.number"),
                kind: "title",
                cell: (quote) => (
                  <Anchor component={Link} to={`/quotes/${quote.id}`} fw={500}>
                    {quote.displayNumber ?? t("quotes.list.draft")}
                  </Anchor>
                ),
              },
              { key: "customer", header: t("quotes.field.customer"), cell: (quote) => quote.customerName },
              {
                key: "issued",
                header: t("quotes.field.issueDate"),
                cell: (quote) => f.date(quote.issueDate),
              },
              {
                key: "expiry",
                header: t("quotes.field.expiryDate"),
                cell: (quote) => (
                  <Text span inherit c={quote.status === "expired" ? "orange" : undefined}>
                    {quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry")}
                  </Text>
                ),
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
            ]}
          />
        )}
      </QueryList>
    </Stack>
  );
}
