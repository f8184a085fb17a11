import { Anchor, Badge, Button, Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CustomerSummary } from "../../../shared/contracts/index.js";
import { ExportMenu } from "../../ui/export/export-menu.js";
import { CurrencyFilter, SearchFilter } from "../../ui/lists/filter-controls.js";
import { exportQuery } from "../../ui/lists/list-view.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { PageHeader } from "../layout/page-header.js";
import { useCustomerList, useCustomerPage } from "../lists/staff-lists.js";
import { useCan } from "../team/permissions.js";

export function CustomersPage() {
  const { t } = useTranslation();
  const list = useCustomerList();
  const { page, totals } = useCustomerPage(list);
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
    <PagedList<CustomerSummary>
      list={list}
      exportMenu={<ExportMenu list="customers" query={exportQuery(list.view)} />}
      header={<PageHeader title={t("admin.customers.title")} actions={actions} />}
      filters={
        <>
          <SearchFilter list={list} label={t("admin.customers.search")} maw={400} />
          <Select
            label={t("lists.filters.archive.label")}
            data={(["", "true", "all"] as const).map((value) => ({
              value,
              label: t(`lists.filters.archive.${value || "live"}`),
            }))}
            value={list.view.filters.archived}
            onChange={(value) => list.setFilter("archived", value ?? "")}
            allowDeselect={false}
            miw={160}
            maw={220}
          />
          <CurrencyFilter list={list} />
        </>
      }
      page={page}
      totals={totals}
      totalsText={{ count: (count) => t("lists.count.customers", { count }) }}
      text={{
        title: t("admin.customers.title"),
        noMatches: t("admin.customers.noMatches"),
        empty: t("admin.customers.emptyTitle"),
        emptyDescription: t("admin.customers.emptyDescription"),
      }}
      emptyAction={newButton}
      minWidth={560}
      columns={[
        {
          key: "name",
          header: t("admin.customers.name"),
          kind: "title",
          sort: "name",
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
  );
}
