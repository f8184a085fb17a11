import { Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type QuoteSummary, quoteListQuery } from "../../../shared/contracts/index.js";
import { useDocumentColumns } from "../../ui/documents/document-columns.js";
import { DocumentList, listTextsAt } from "../../ui/documents/document-list.js";
import { ListFilters } from "../../ui/documents/list-filters.js";
import { parseListFilters, useListParams } from "../../ui/documents/list-params.js";
import { useFormat } from "../../ui/format.js";
import { QUOTE_STATUSES } from "../../ui/quote-statuses.js";
import { QuoteStatusBadge } from "../../ui/status-badge.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useQuotes } from "./quotes-api.js";

export function QuotesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const col = useDocumentColumns<QuoteSummary>();
  const params = useListParams();
  const { customerId } = params;
  const quotes = useQuotes(parseListFilters(quoteListQuery, params.values));

  const newButton = (
    <Button component={Link} to={customerId ? `/quotes/new?customerId=${customerId}` : "/quotes/new"}>
      {t("quotes.list.new")}
    </Button>
  );

  return (
    <DocumentList
      header={<PageHeader title={t("quotes.list.title")} actions={newButton} />}
      filters={
        <ListFilters
          params={params}
          statusLabel={t("quotes.list.statusFilter")}
          statuses={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`quotes.status.${s}`) }))}
          searchLabel={t("quotes.list.search")}
        >
          <CustomerFilter label={t("quotes.list.customerFilter")} params={params} />
        </ListFilters>
      }
      query={quotes}
      isFiltered={params.filtered}
      text={listTextsAt(t, "quotes.list")}
      emptyAction={newButton}
      minWidth={720}
      columns={[
        col.number(
          t("quotes.field.number"),
          (quote) => `/quotes/${quote.id}`,
          (quote) => quote.displayNumber ?? t("quotes.list.draft"),
        ),
        col.text("customer", t("quotes.field.customer"), (quote) => quote.customerName),
        col.date("issued", t("quotes.field.issueDate"), (quote) => quote.issueDate),
        col.text("expiry", t("quotes.field.expiryDate"), (quote) => (
          <Text span inherit c={quote.status === "expired" ? "orange" : undefined}>
            {quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry")}
          </Text>
        )),
        col.total(t("quotes.field.total")),
        col.status(t("quotes.field.status"), (quote) => <QuoteStatusBadge status={quote.status} />),
      ]}
    />
  );
}
