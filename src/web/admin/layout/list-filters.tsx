import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../ui/api-client.js";
import type { ListViewState } from "../../ui/lists/use-list-view.js";
import { queryKeys } from "../../ui/query-keys.js";
import { useCustomer } from "../customers/customers-api.js";

/** How many customers the picker offers per search: it searches the server as the user types. */
const PICKER_SIZE = 20;

/**
 * The back office's customer picker among a list's filters (`customerId`). It searches the customers on
 * the server as the user types (an organisation may have tens of thousands), and shows the chosen one by
 * name even when it is not among the matches (a bookmarked address).
 */
export function CustomerFilter({ label, list }: { label: string; list: ListViewState }) {
  const { t } = useTranslation();
  const customerId = (list.view.filters as Record<string, string>).customerId ?? "";
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const chosen = useCustomer(customerId || null);
  // Typing after a choice edits the chosen name; searching by it would find only that customer.
  const query = chosen.data && q === chosen.data.name ? "" : q;
  const matches = useQuery({
    queryKey: queryKeys.customers.picker(query),
    queryFn: ({ signal }) =>
      api.get("/api/customers", {
        query: { q: query, limit: PICKER_SIZE, sort: "name", dir: "asc" },
        signal,
      }),
    placeholderData: (previous) => previous,
  });
  const options = (matches.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id))
    options.unshift({ value: chosen.data.id, label: chosen.data.name });
  return (
    <Select
      label={label}
      data={[{ value: "", label: t("common.all") }, ...options]}
      value={customerId}
      onChange={(value) => list.setFilter("customerId", value ?? "")}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={matches.isFetching ? t("common.loading") : t("lists.filters.noCustomers")}
      allowDeselect={false}
      miw={180}
      maw={300}
    />
  );
}
