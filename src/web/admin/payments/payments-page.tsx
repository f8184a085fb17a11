import { Anchor, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PaymentSummary } from "../../../shared/contracts/index.js";
import { ExportMenu } from "../../ui/export/export-menu.js";
import { useFormat } from "../../ui/format.js";
import { CurrencyFilter, DateRangeFilter, SearchFilter } from "../../ui/lists/filter-controls.js";
import { exportQuery } from "../../ui/lists/list-view.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { usePaymentList, usePaymentPage } from "../lists/staff-lists.js";

/** Every payment received (A10), a keyset page at a time: search, filters and sort kept in the address. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = usePaymentList();
  const { page, totals } = usePaymentPage(list);
  const { customerId } = list.view.filters;

  const recordButton = (
    <Button component={Link} to={`/payments/new${customerId ? `?customerId=${customerId}` : ""}`}>
      {t("moneyAdmin.record.title")}
    </Button>
  );

  return (
    <PagedList<PaymentSummary>
      list={list}
      exportMenu={<ExportMenu list="payments" query={exportQuery(list.view)} />}
      header={<PageHeader title={t("moneyAdmin.payments.title")} actions={recordButton} />}
      filters={
        <>
          <SearchFilter list={list} label={t("moneyAdmin.payments.search")} />
          <CustomerFilter label={t("invoice.customer")} list={list} />
          <DateRangeFilter list={list} />
          <CurrencyFilter list={list} />
        </>
      }
      page={page}
      totals={totals}
      totalsText={{
        count: (count) => t("lists.count.payments", { count }),
        amount: t("lists.totals.amount"),
      }}
      text={{
        title: t("moneyAdmin.payments.title"),
        noMatches: t("moneyAdmin.payments.noMatches"),
        empty: t("moneyAdmin.payments.emptyTitle"),
        emptyDescription: t("moneyAdmin.payments.emptyDescription"),
      }}
      emptyAction={recordButton}
      minWidth={760}
      columns={[
        {
          key: "number",
          header: t("moneyAdmin.payments.number"),
          kind: "title",
          cell: (p) => (
            <Anchor component={Link} to={`/payments/${p.id}`} fw={500}>
              {p.number}
            </Anchor>
          ),
        },
        {
          key: "date",
          header: t("invoice.date"),
          kind: "aside",
          cell: (p) => f.date(p.paidOn),
          sort: "date",
        },
        { key: "customer", header: t("invoice.customer"), cell: (p) => p.customerName },
        { key: "method", header: t("invoice.method"), cell: (p) => t(`moneyAdmin.methods.${p.method}`) },
        {
          key: "amount",
          header: t("invoice.amount"),
          kind: "money",
          cell: (p) => f.money(p.amountMinor, p.currency),
          sort: "amount",
        },
        {
          key: "unapplied",
          header: t("moneyAdmin.payments.unapplied"),
          kind: "money",
          cell: (p) => f.money(p.unappliedMinor, p.currency),
        },
        {
          key: "refunded",
          header: t("moneyAdmin.payments.refunded"),
          kind: "money",
          cell: (p) => (p.refundedMinor ? f.money(p.refundedMinor, p.currency) : "—"),
        },
      ]}
    />
  );
}
