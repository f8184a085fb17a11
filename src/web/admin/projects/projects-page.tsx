import { Anchor, Badge, Button, EmptyState, Group, Select, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { ProjectStatus, ProjectSummary } from "../../../shared/contracts/projects.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { useCustomers } from "../customers/customers-api.js";
import { PageHeader } from "../layout/page-header.js";
import { ProjectFormModal } from "./project-form-modal.js";
import { useProjects } from "./projects-api.js";
import { budgetUse, formatMinutes } from "./time-form-model.js";

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  active: "green",
  completed: "blue",
  archived: "gray",
};
const STATUSES: ProjectStatus[] = ["active", "completed", "archived"];

/** Projects overall or of one customer (`?customerId=`), by status; the filters live in the address. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const customerId = params.get("customerId") ?? undefined;
  const status = (STATUSES as string[]).includes(params.get("status") ?? "")
    ? (params.get("status") as ProjectStatus)
    : undefined;
  const projects = useProjects({ customerId, status });
  const customers = useCustomers();
  const [creating, setCreating] = useState(false);
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns = [
    column<ProjectSummary>(
      "name",
      t("projects.name"),
      (p) => (
        <Anchor component={Link} to={`/projects/${p.id}`}>
          {p.name}
        </Anchor>
      ),
      { rowHeader: 500 },
    ),
    column<ProjectSummary>("customer", t("projects.customer"), (p) => p.customerName),
    column<ProjectSummary>("status", t("projects.status"), (p) => (
      <Badge color={STATUS_COLORS[p.status]} variant="light">
        {t(`projects.statuses.${p.status}`)}
      </Badge>
    )),
    amountColumn<ProjectSummary>("logged", t("projects.logged"), (p) =>
      formatMinutes(p.totals.loggedMinutes),
    ),
    amountColumn<ProjectSummary>("unbilled", t("projects.unbilled"), (p) =>
      formatMinutes(p.totals.unbilledMinutes),
    ),
    amountColumn<ProjectSummary>("billed", t("projects.billed"), (p) =>
      formatMinutes(p.totals.billedMinutes),
    ),
    amountColumn<ProjectSummary>("budget", t("projects.budget"), (p) => {
      const use = budgetUse(p.totals.loggedMinutes, p.budgetMinutes);
      return use ? (
        <Badge color={use.over ? "red" : "gray"} variant="light">
          {use.over ? t("projects.overBudget") : `${use.percent} %`}
        </Badge>
      ) : (
        t("common.none")
      );
    }),
  ];

  return (
    <Stack>
      <PageHeader
        title={t("projects.title")}
        actions={<Button onClick={() => setCreating(true)}>{t("projects.newProject")}</Button>}
      />
      <Group>
        <Select
          aria-label={t("projects.customer")}
          placeholder={t("projects.allCustomers")}
          searchable
          clearable
          data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={customerId ?? null}
          onChange={(v) => setFilter("customerId", v)}
        />
        <Select
          aria-label={t("projects.status")}
          placeholder={t("projects.allStatuses")}
          clearable
          data={STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
          value={status ?? null}
          onChange={(v) => setFilter("status", v)}
        />
      </Group>
      {projects.isPending ? <PageLoader /> : null}
      {projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      ) : null}
      {projects.data?.length === 0 ? (
        <EmptyState title={t("projects.emptyTitle")} description={t("projects.emptyDescription")} />
      ) : null}
      {projects.data && projects.data.length > 0 ? (
        <ColumnTable
          columns={columns}
          rows={projects.data}
          rowKey={(p) => p.id}
          label={t("projects.title")}
          minWidth={720}
          striped
        />
      ) : null}
      <ProjectFormModal opened={creating} onClose={() => setCreating(false)} customerId={customerId} />
    </Stack>
  );
}
