import { Checkbox, Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SUPPORTED_CURRENCIES } from "../../../shared/money/index.js";
import type { ListViewState } from "./use-list-view.js";

/*
 * The filter controls of a paged list, each bound to one filter of the address by its API name. They sit
 * in the list's toolbar, which wraps on a phone. A page picks the ones its API takes (`ListConfig.filters`).
 */

type FilterProps = { list: ListViewState; name: string; label?: string };

function value(list: ListViewState, name: string): string {
  return (list.view.filters as Record<string, string>)[name] ?? "";
}

/** The search box (`q`): typed text goes to the address at once, to the API debounced. */
export function SearchFilter({
  list,
  label,
  maw = 360,
}: {
  list: ListViewState;
  label: string;
  maw?: number;
}) {
  return (
    <TextInput
      type="search"
      label={label}
      value={list.search}
      onChange={(e) => list.setFilter("q", e.currentTarget.value)}
      miw={200}
      maw={maw}
    />
  );
}

/** One value out of a few (status, kind); "All" is no filter. */
export function SelectFilter({
  list,
  name,
  label,
  options,
}: FilterProps & { label: string; options: readonly { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={[{ value: "", label: t("common.all") }, ...options]}
      value={value(list, name)}
      onChange={(v) => list.setFilter(name, v ?? "")}
      allowDeselect={false}
      miw={160}
      maw={240}
    />
  );
}

/**
 * A date range (`from`/`to`, both included) as two native date fields: typed or picked, keyboard
 * friendly, and the address keeps ISO dates. The server refuses a reversed or too long range (400).
 */
export function DateRangeFilter({
  list,
  fromLabel,
  toLabel,
}: {
  list: ListViewState;
  fromLabel?: string;
  toLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        type="date"
        label={fromLabel ?? t("lists.filters.from")}
        value={value(list, "from")}
        max={value(list, "to") || undefined}
        onChange={(e) => list.setFilter("from", e.currentTarget.value)}
        miw={150}
        maw={180}
      />
      <TextInput
        type="date"
        label={toLabel ?? t("lists.filters.to")}
        value={value(list, "to")}
        min={value(list, "from") || undefined}
        onChange={(e) => list.setFilter("to", e.currentTarget.value)}
        miw={150}
        maw={180}
      />
    </>
  );
}

/** Rows in one currency: the totals line then shows one sum. */
export function CurrencyFilter({ list, label }: { list: ListViewState; label?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label ?? t("lists.filters.currency")}
      data={[
        { value: "", label: t("common.all") },
        ...SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: c })),
      ]}
      value={value(list, "currency")}
      onChange={(v) => list.setFilter("currency", v ?? "")}
      searchable
      allowDeselect={false}
      miw={110}
      maw={140}
    />
  );
}

/** A yes-only filter (`overdue=true`, `archived=true`): unticked is no filter. */
export function FlagFilter({ list, name, label }: FilterProps & { label: string }) {
  return (
    <Checkbox
      label={label}
      checked={value(list, name) === "true"}
      onChange={(e) => list.setFilter(name, e.currentTarget.checked ? "true" : "")}
      mb={8}
    />
  );
}
