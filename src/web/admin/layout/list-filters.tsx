import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ListParams } from "../../ui/documents/list-params.js";
import { useCustomers } from "../customers/customers-api.js";

/** The back office's customer picker among a document list's filters. */
export function CustomerFilter({ label, params }: { label: string; params: ListParams }) {
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
