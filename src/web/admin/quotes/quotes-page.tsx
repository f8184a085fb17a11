import { Anchor, Button, EmptyState, Group, Select, Stack, Table, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { QUOTE_STATUSES } from "../../ui/quote-statuses.js";
import { QuoteStatusBadge } from "../../ui/status-badge.js";
import { useCustomers } from "../customers/customers-api.js";
import { PageHeader } from "../layout/page-header.js";
import { useQuotes } from "./quotes-api.js";

export function QuotesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const customerId = params.get("customerId") ?? "";
  const search = params.get("q") ?? "";
  const [q] = useDebouncedValue(search.trim(), 300);
  const customers = useCustomers("");
  const quotes = useQuotes({
    status: status || undefined,
    customerId: customerId || undefined,
    q: q || undefined,
  });
  const filtered = Boolean(status || customerId || q);

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

  const newButton = (
    <Button component={Link} to={customerId ? `/quotes/new?customerId=${customerId}` : "/quotes/new"}>
      {t("quotes.list.new")}
    </Button>
  );

  return (
    <Stack>
      <PageHeader title={t("quotes.list.title")} actions={newButton} />
      <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <Select
          label={t("quotes.list.statusFilter")}
          data={[
            { value: "", label: t("common.all") },
            ...QUOTE_STATUSES.map((s) => ({ value: s, label: t(`quotes.status.${s}`) })),
          ]}
          value={status}
          onChange={(value) => setParam("status", value ?? "")}
          allowDeselect={false}
          miw={180}
          maw={240}
        />
        <Select
          label={t("quotes.list.customerFilter")}
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
        <TextInput
          type="search"
          label={t("quotes.list.search")}
          value={search}
          onChange={(e) => setParam("q", e.currentTarget.value)}
          miw={200}
          maw={400}
        />
      </Group>
      {quotes.isPending ? <PageLoader /> : null}
      {quotes.isError ? <ErrorState error={quotes.error} onRetry={() => void quotes.refetch()} /> : null}
      {quotes.data?.length === 0 ? (
        filtered ? (
          <EmptyState title={t("quotes.list.noMatches")} py="lg" />
        ) : (
          <EmptyState
            title={t("quotes.list.emptyTitle")}
            description={t("quotes.list.emptyDescription")}
            py="xl"
          >
            <EmptyState.Actions>{newButton}</EmptyState.Actions>
          </EmptyState>
        )
      ) : null}
      {quotes.data && quotes.data.length > 0 ? (
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
              {quotes.data.map((quote) => (
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
      ) : null}
    </Stack>
  );
}
