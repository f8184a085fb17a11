import { Anchor, Badge, Button, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProjectStatus, ProjectSummary } from "../../../shared/contracts/projects.js";
import { useFormat } from "../../ui/format.js";
import { SelectFilter } from "../../ui/lists/filter-controls.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { ProjectFormModal } from "./project-form-modal.js";
import { useProjectList, useProjectPage } from "./projects-api.js";
import { StaffRatesCard } from "./staff-rates-card.js";
import { budgetUse, formatMinutes } from "./time-form-model.js";

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  active: "green",
  completed: "blue",
  archived: "gray",
};
const STATUSES: ProjectStatus[] = ["active", "completed", "archived"];

/**
 * Projects overall or of one customer, a keyset page at a time (issue 19): by name, customer or
 * created; filtered by customer and status, all kept in the address.
 */
export function ProjectsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useProjectList();
  const { page, totals } = useProjectPage(list);
  const customerId = list.view.filters.customerId || undefined;
  const [creating, setCreating] = useState(false);
  const newButton = <Button onClick={() => setCreating(true)}>{t("projects.newProject")}</Button>;

  return (
    <Stack>
      <PagedList<ProjectSummary>
        list={list}
        header={<PageHeader title={t("projects.title")} actions={newButton} />}
        filters={
          <>
            <CustomerFilter label={t("projects.customer")} list={list} />
            <SelectFilter
              list={list}
              name="status"
              label={t("projects.status")}
              options={STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
            />
          </>
        }
        page={page}
        totals={totals}
        totalsText={{ count: (count) => t("projects.count", { count }) }}
        text={{
          title: t("projects.title"),
          noMatches: t("projects.noMatches"),
          empty: t("projects.emptyTitle"),
          emptyDescription: t("projects.emptyDescription"),
        }}
        emptyAction={newButton}
        minWidth={820}
        columns={[
          {
            key: "name",
            header: t("projects.name"),
            kind: "title",
            cell: (p) => (
              <Anchor component={Link} to={`/projects/${p.id}`} fw={500}>
                {p.name}
              </Anchor>
            ),
            sort: "name",
          },
          {
            key: "customer",
            header: t("projects.customer"),
            cell: (p) => p.customerName,
            sort: "customer",
          },
          {
            key: "status",
            header: t("projects.status"),
            cell: (p) => (
              <Badge color={STATUS_COLORS[p.status]} variant="light">
                {t(`projects.statuses.${p.status}`)}
              </Badge>
            ),
          },
          {
            key: "created",
            header: t("projects.created"),
            kind: "aside",
            cell: (p) => f.date(p.createdAt.slice(0, 10)),
            sort: "created",
            hideOnPhone: true,
          },
          {
            key: "logged",
            header: t("projects.logged"),
            kind: "money",
            cell: (p) => formatMinutes(p.totals.loggedMinutes),
          },
          {
            key: "unbilled",
            header: t("projects.unbilled"),
            kind: "money",
            cell: (p) => formatMinutes(p.totals.unbilledMinutes),
          },
          {
            key: "billed",
            header: t("projects.billed"),
            kind: "money",
            cell: (p) => formatMinutes(p.totals.billedMinutes),
            hideOnPhone: true,
          },
          {
            key: "budget",
            header: t("projects.budget"),
            kind: "money",
            cell: (p) => {
              const use = budgetUse(p.totals.loggedMinutes, p.budgetMinutes);
              return use ? (
                <Badge color={use.over ? "red" : "gray"} variant="light">
                  {use.over ? t("projects.overBudget") : `${use.percent} %`}
                </Badge>
              ) : (
                t("common.none")
              );
            },
          },
        ]}
      />
      <StaffRatesCard />
      <ProjectFormModal opened={creating} onClose={() => setCreating(false)} customerId={customerId} />
    </Stack>
  );
}
