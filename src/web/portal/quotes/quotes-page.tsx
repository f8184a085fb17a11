import { Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type PortalQuoteSummary, portalQuoteListQuery } from "../../../shared/contracts/index.js";
import { useDocumentColumns } from "../../ui/documents/document-columns.js";
import { DocumentList } from "../../ui/documents/document-list.js";
import { ListFilters } from "../../ui/documents/list-filters.js";
import { parseListFilters, useListParams } from "../../ui/documents/list-params.js";
import { useFormat } from "../../ui/format.js";
import { PORTAL_QUOTE_FILTERS } from "../../ui/quote-statuses.js";
import { QuoteStatusBadge } from "../../ui/status-badge.js";
import { usePortalQuotes } from "./quotes-api.js";

export function PortalQuotesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const col = useDocumentColumns<PortalQuoteSummary>();
  const params = useListParams();
  const quotes = usePortalQuotes(parseListFilters(portalQuoteListQuery, params.values));

  return (
    <DocumentList
      header={
        <Title order={1} size="h2">
          {t("quotes.portal.title")}
        </Title>
      }
      filters={
        <ListFilters
          params={params}
          statusLabel={t("quotes.portal.statusFilter")}
          statuses={PORTAL_QUOTE_FILTERS.map((s) => ({ value: s, label: t(`quotes.portal.filter.${s}`) }))}
          searchLabel={t("quotes.portal.search")}
          searchMaxWidth={320}
        />
      }
      query={quotes}
      isFiltered={params.filtered}
      text={{
        title: t("quotes.portal.title"),
        noMatches: t("quotes.portal.noMatches"),
        empty: t("quotes.portal.empty"),
      }}
      minWidth={560}
      columns={[
        col.number(
          t("quotes.field.number"),
          (quote) => `/quotes/${quote.id}`,
          (quote) => quote.displayNumber ?? quote.id.slice(0, 8),
        ),
        col.date("issued", t("quotes.field.issueDate"), (quote) => quote.issueDate),
        col.text("expiry", t("quotes.field.expiryDate"), (quote) =>
          quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry"),
        ),
        col.total(t("quotes.field.total")),
        col.status(t("quotes.field.status"), (quote) => <QuoteStatusBadge status={quote.status} />),
      ]}
    />
  );
}
