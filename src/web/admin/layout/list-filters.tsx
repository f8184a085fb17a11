import { Group, Select, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCustomers } from "../customers/customers-api.js";

/**
 * The filters of a document list (status, customer, search) kept in the address, so a filtered list
 * can be bookmarked, shared and survives a reload. `q` is the search debounced for the API.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const customerId = params.get("customerId") ?? "";
  const search = params.get("q") ?? "";
  const [q] = useDebouncedValue(search.trim(), 300);
  const setParam = (key: "status" | "customerId" | "q", value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { status, customerId, search, q, filtered: Boolean(status || customerId || q), setParam };
}

export type ListParams = ReturnType<typeof useListParams>;

interface ListFiltersProps {
  params: ListParams;
  statusLabel: string;
  statuses: readonly { value: string; label: string }[];
  searchLabel: string;
  /** Shown when set: a customer picker (quotes, sales orders). */
  customerLabel?: string;
}

export function ListFilters({ params, statusLabel, statuses, searchLabel, customerLabel }: ListFiltersProps) {
  const { t } = useTranslation();
  const all = { value: "", label: t("common.all") };
  return (
    <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
      <Select
        label={statusLabel}
        data={[all, ...statuses]}
        value={params.status}
        onChange={(value) => params.setParam("status", value ?? "")}
        allowDeselect={false}
        miw={180}
        maw={240}
      />
      {customerLabel ? <CustomerFilter label={customerLabel} params={params} /> : null}
      <TextInput
        type="search"
        label={searchLabel}
        value={params.search}
        onChange={(e) => params.setParam("q", e.currentTarget.value)}
        miw={200}
        maw={400}
      />
    </Group>
  );
}

function CustomerFilter({ label, params }: { label: string; params: ListParams }) {
  const { t } = useTranslation();
  const customers = useCustomers("");
  return (
    <Select
      label={label}
      data={[
        { value: "", label: t("common.all") },
        ...(customers.data ?? []).map((c) => ({ value: c.id, label: c.name })),
      ]}
      value={params.customerId}
      onChange={(value) => params.setParam("customerId", value ?? "")}
      searchable
      allowDeselect={false}
      miw={180}
      maw={300}
    />
  );
}
