import { Anchor, Group, Select, Stack, Table, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalQuoteFilter } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
import { PORTAL_QUOTE_FILTERS } from "../../ui/quote-statuses.js";
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
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("quotes.field.number")}</Table.Th>
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
                        {quote.displayNumber ?? quote.id.slice(0, 8)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{f.date(quote.issueDate)}</Table.Td>
                    <Table.Td>
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
