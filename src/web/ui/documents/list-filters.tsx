import { Group, Select, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ListParams } from "./list-params.js";

interface ListFiltersProps {
  params: ListParams;
  statusLabel: string;
  statuses: readonly { value: string; label: string }[];
  searchLabel: string;
  searchMaxWidth?: number;
  /** Filters of one app or kind (the back office's customer picker), between the status and the search. */
  children?: ReactNode;
}

export function ListFilters({
  params,
  statusLabel,
  statuses,
  searchLabel,
  searchMaxWidth = 400,
  children,
}: ListFiltersProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
      <Select
        label={statusLabel}
        data={[{ value: "", label: t("common.all") }, ...statuses]}
        value={params.status}
        onChange={(value) => params.setParam("status", value ?? "")}
        allowDeselect={false}
        miw={180}
        maw={240}
      />
      {children}
      <TextInput
        type="search"
        label={searchLabel}
        value={params.search}
        onChange={(e) => params.setParam("q", e.currentTarget.value)}
        miw={200}
        maw={searchMaxWidth}
      />
    </Group>
  );
}
