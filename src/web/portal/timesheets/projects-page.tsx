import { Anchor, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalProjectSummary } from "../../../shared/contracts/index.js";
import { useHours } from "../../ui/hours.js";
import { QueryList } from "../../ui/query-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { usePortalProjects } from "./timesheets-api.js";

/** E7: the customer's active projects shown in the portal, with logged, billed and unbilled hours. */
export function PortalProjectsPage() {
  const { t } = useTranslation();
  const hours = useHours();
  const projects = usePortalProjects();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("timesheets.projectsTitle")}
      </Title>
      <QueryList
        query={projects}
        isFiltered={false}
        noMatchesTitle=""
        emptyTitle={t("timesheets.projectsEmpty")}
      >
        {(rows) => (
          <ResponsiveTable<PortalProjectSummary>
            label={t("timesheets.projectsTitle")}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "name",
                header: t("timesheets.project"),
                kind: "title",
                cell: (r) => (
                  <Anchor component={Link} to={`/projects/${r.id}`}>
                    {r.name}
                  </Anchor>
                ),
              },
              {
                key: "logged",
                header: t("timesheets.logged"),
                kind: "money",
                cell: (r) => hours(r.loggedMinutes),
              },
              {
                key: "billed",
                header: t("timesheets.billed"),
                kind: "money",
                cell: (r) => hours(r.billedMinutes),
              },
              {
                key: "unbilled",
                header: t("timesheets.unbilled"),
                kind: "money",
                cell: (r) => hours(r.unbilledMinutes),
              },
            ]}
          />
        )}
      </QueryList>
    </Stack>
  );
}
