import { Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QuoteSummary } from "../../../shared/contracts/index.js";
import { useDocumentColumns } from "../../ui/documents/document-columns.js";
import { listTextsAt } from "../../ui/documents/document-list.js";
import { ExportMenu } from "../../ui/export/export-menu.js";
import { useFormat } from "../../ui/format.js";
import {
  CurrencyFilter,
  DateRangeFilter,
  SearchFilter,
  SelectFilter,
} from "../../ui/lists/filter-controls.js";
import { exportQuery } from "../../ui/lists/list-view.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { QUOTE_STATUSES } from "../../ui/quote-statuses.js";
import { QuoteStatusBadge } from "../../ui/status-badge.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useQuoteList, useQuotePage } from "../lists/staff-lists.js";

export function QuotesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const col = useDocumentColumns<QuoteSummary>();
  const list = useQuoteList();
  const { page, totals } = useQuotePage(list);
  const { customerId } = list.view.filters;

  const newButton = (
    <Button component={Link} to={customerId ? `/quotes/new?customerId=${customerId}` : "/quotes/new"}>
      {t("quotes.list.new")}
    </Button>
  );

  return (
    <PagedList
      list={list}
      exportMenu={<ExportMenu list="quotes" query={exportQuery(list.view)} />}
      header={<PageHeader title={t("quotes.list.title")} actions={newButton} />}
      filters={
        <>
          <SelectFilter
            list={list}
            name="status"
            label={t("quotes.list.statusFilter")}
            options={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`quotes.status.${s}`) }))}
          />
          <CustomerFilter label={t("quotes.list.customerFilter")} list={list} />
          <DateRangeFilter list={list} />
          <CurrencyFilter list={list} />
          <SearchFilter list={list} label={t("quotes.list.search")} />
        </>
      }
      page={page}
      totals={totals}
      totalsText={{ count: (count) => t("lists.count.quotes", { count }), amount: t("lists.totals.total") }}
      text={listTextsAt(t, "quotes.list")}
      emptyAction={newButton}
      minWidth={720}
      columns={[
        {
          ...col.number(
            t("quotes.field.number"),
            (quote) => `/quotes/${quote.id}`,
            (quote) => quote.displayNumber ?? t("quotes.list.draft"),
          ),
          sort: "number",
        },
        {
          ...col.text("customer", t("quotes.field.customer"), (quote) => quote.customerName),
          sort: "customer",
        },
        { ...col.date("issued", t("quotes.field.issueDate"), (quote) => quote.issueDate), sort: "date" },
        col.text("expiry", t("quotes.field.expiryDate"), (quote) => (
          <Text span inherit c={quote.status === "expired" ? "orange" : undefined}>
            {quote.expiryDate ? f.date(quote.expiryDate) : t("quotes.field.noExpiry")}
          </Text>
        )),
        { ...col.total(t("quotes.field.total")), sort: "amount" },
        {
          ...col.status(t("quotes.field.status"), (quote) => <QuoteStatusBadge status={quote.status} />),
          sort: "status",
        },
      ]}
    />
  );
}
