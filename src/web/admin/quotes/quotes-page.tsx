import { Anchor, Button, Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
import { QUOTE_STATUSES } from "../../ui/quote-statuses.js";
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
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("quotes.field.number")}</Table.Th>
                  <Table.Th scope="col">{t("quotes.field.customer")}</Table.Th>
                  <Table.Th scope="col">{t("quotes.field.issueDate")}</Table.Th>
                  <Table.Th scope="col">{t("quotes.field.expiryDate")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("quotes.field.total")}
                  </Table.Th>
                  <Table.Th scope="col">{t("quotes.field.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((quote) => (
                  <Table.Tr key={quote.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/quotes/${quote.id}`} fw={500}>
                        {quote.displayNumber ?? t("quotes.list.draft")}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{quote.customerName}</Table.Td>
                    <Table.Td>{f.date(quote.issueDate)}</Table.Td>
                    <Table.Td c={quote.status === "expired" ? "orange" : undefined}>
                      {quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry")}
                    </Table.Td>
                    <Table.Td ta="right">{f.money(quote.totalMinor, quote.currency)}</Table.Td>
                    <Table.Td>
                      <QuoteStatusBadge status={quote.status} />
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
