import { Anchor, Badge, Button, Group, Stack, Switch, Table, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryList } from "../../ui/query-states.js";
import { PageHeader } from "../layout/page-header.js";
import { useCustomers } from "./customers-api.js";

export function CustomersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [archived, setArchived] = useState(false);
  const customers = useCustomers(q, archived);
  const newButton = (
    <Button component={Link} to="/customers/new">
      {t("admin.customers.new")}
    </Button>
  );

  return (
    <Stack>
      <PageHeader title={t("admin.customers.title")} actions={newButton} />
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
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("admin.customers.name")}</Table.Th>
                  <Table.Th scope="col">{t("admin.customers.kind")}</Table.Th>
                  <Table.Th scope="col">{t("admin.customers.taxId")}</Table.Th>
                  <Table.Th scope="col">{t("admin.customers.email")}</Table.Th>
                  <Table.Th scope="col">{t("admin.customers.currency")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("admin.customers.contactCount")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((customer) => (
                  <Table.Tr key={customer.id}>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {t(`admin.customers.kinds.${customer.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{customer.taxId ?? t("common.none")}</Table.Td>
                    <Table.Td>{customer.email ?? t("common.none")}</Table.Td>
                    <Table.Td>{customer.currency}</Table.Td>
                    <Table.Td ta="right">{customer.contactCount}</Table.Td>
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
