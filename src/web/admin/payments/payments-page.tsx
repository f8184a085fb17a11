import { Anchor, Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { useCustomers } from "../customers/customers-api.js";
import { PageHeader } from "../layout/page-header.js";
import { type PaymentFilters, usePayments } from "./payments-api.js";

const SORTS = ["date-desc", "date-asc", "amount-desc", "amount-asc"] as const;

/** Every payment received (A10): search, customer filter and sort, kept in the address. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const customerId = params.get("customerId") ?? "";
  const search = params.get("q") ?? "";
  const sort = (SORTS as readonly string[]).includes(params.get("sort") ?? "")
    ? (params.get("sort") as string)
    : "date-desc";
  const [q] = useDebouncedValue(search.trim(), 300);
  const [by, dir] = sort.split("-") as [PaymentFilters["sort"], PaymentFilters["dir"]];
  const payments = usePayments({ customerId: customerId || undefined, q: q || undefined, sort: by, dir });
  const customers = useCustomers("");
  const filtered = Boolean(customerId || q);
  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const recordButton = (
    <Button component={Link} to={`/payments/new${customerId ? `?customerId=${customerId}` : ""}`}>
      {t("moneyAdmin.record.title")}
    </Button>
  );

  return (
    <Stack>
      <PageHeader title={t("moneyAdmin.payments.title")} actions={recordButton} />
      <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          type="search"
          label={t("moneyAdmin.payments.search")}
          value={search}
          onChange={(e) => setParam("q", e.currentTarget.value)}
          miw={200}
          maw={400}
        />
        <Select
          label={t("invoice.customer")}
          data={[
            { value: "", label: t("common.all") },
            ...(customers.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          value={customerId}
          onChange={(value) => setParam("customerId", value ?? "")}
          searchable
          allowDeselect={false}
          miw={180}
          maw={300}
        />
        <Select
          label={t("moneyAdmin.payments.sort")}
          data={SORTS.map((s) => ({ value: s, label: t(`moneyAdmin.payments.sorts.${s}`) }))}
          value={sort}
          onChange={(value) => setParam("sort", value === "date-desc" ? "" : (value ?? ""))}
          allowDeselect={false}
          miw={180}
          maw={240}
        />
      </Group>
      <QueryList
        query={payments}
        isFiltered={filtered}
        noMatchesTitle={t("moneyAdmin.payments.noMatches")}
        emptyTitle={t("moneyAdmin.payments.emptyTitle")}
        emptyDescription={t("moneyAdmin.payments.emptyDescription")}
        emptyAction={recordButton}
      >
        {(rows) => (
          <ResponsiveTable
            minWidth={760}
            label={t("moneyAdmin.payments.title")}
            rows={rows}
            rowKey={(p) => p.id}
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
              { key: "date", header: t("invoice.date"), kind: "aside", cell: (p) => f.date(p.paidOn) },
              { key: "customer", header: t("invoice.customer"), cell: (p) => p.customerName },
              {
                key: "method",
                header: t("invoice.method"),
                cell: (p) => t(`moneyAdmin.methods.${p.method}`),
              },
              {
                key: "amount",
                header: t("invoice.amount"),
                kind: "money",
                cell: (p) => f.money(p.amountMinor, p.currency),
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
        )}
      </QueryList>
    </Stack>
  );
}
