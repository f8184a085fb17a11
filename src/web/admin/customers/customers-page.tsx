import { Anchor, Badge, Button, Group, Stack, Switch, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryList } from "../../ui/query-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { PageHeader } from "../layout/page-header.js";
import { useCan } from "../team/permissions.js";
import { useCustomers } from "./customers-api.js";

export function CustomersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [archived, setArchived] = useState(false);
  const customers = useCustomers(q, archived);
  const can = useCan();
  const newButton = (
    <Button component={Link} to="/customers/new">
      {t("admin.customers.new")}
    </Button>
  );
  const actions = (
    <Group gap="xs">
      {can("data.import") ? (
        <Button component={Link} to="/customers/import" variant="default">
          {t("imports.button")}
        </Button>
      ) : null}
      {newButton}
    </Group>
  );

  return (
    <Stack>
      <PageHeader title={t("admin.customers.title")} actions={actions} />
      <Group align="flex-end">
        <TextInput
          type="search"
          label={t("admin.customers.search")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={400}
          flex={1}
        />
        <Switch
          label={t("customerRecords.archive.showArchived")}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <QueryList
        query={customers}
        isFiltered={Boolean(q) || archived}
        noMatchesTitle={t("admin.customers.noMatches")}
        emptyTitle={t("admin.customers.emptyTitle")}
        emptyDescription={t("admin.customers.emptyDescription")}
        emptyAction={newButton}
      >
        {(rows) => (
          <ResponsiveTable
            minWidth={560}
            label={t("admin.customers.title")}
            rows={rows}
            rowKey={(customer) => customer.id}
            columns={[
              {
                key: "name",
                header: t("admin.customers.name"),
                kind: "title",
                cell: (customer) => (
                  <Group gap="xs">
                    <Anchor component={Link} to={`/customers/${customer.id}`} fw={500}>
                      {customer.name}
                    </Anchor>
                    {customer.archivedAt ? (
                      <Badge size="sm" color="gray" variant="outline">
                        {t("customerRecords.archive.archivedBadge")}
                      </Badge>
                    ) : null}
                  </Group>
                ),
              },
              {
                key: "kind",
                header: t("admin.customers.kind"),
                kind: "aside",
                cell: (customer) => (
                  <Badge variant="light" color="gray">
                    {t(`admin.customers.kinds.${customer.kind}`)}
                  </Badge>
                ),
              },
              { key: "taxId", header: t("admin.customers.taxId"), cell: (c) => c.taxId ?? t("common.none") },
              { key: "email", header: t("admin.customers.email"), cell: (c) => c.email ?? t("common.none") },
              { key: "currency", header: t("admin.customers.currency"), cell: (c) => c.currency },
              {
                key: "contacts",
                header: t("admin.customers.contactCount"),
                kind: "money",
                cell: (c) => c.contactCount,
              },
            ]}
          />
        )}
      </QueryList>
    </Stack>
  );
}
