import { Button, EmptyState } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { StaffAction } from "../../../shared/contracts/staff-actions.js";
import { useMe } from "../session.js";

/**
 * What the signed-in person may do, as the server's staff policy answered in `/api/auth/me`: the back
 * office hides what the server would refuse (issue 12 §3).
 */
export function useCan(): (action: StaffAction) => boolean {
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  return (action) => permissions.includes(action);
}

/** A page reached by its address that the person's role may not use: said plainly, not a broken page. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <EmptyState py="xl">
      <EmptyState.Title order={1}>{t("team.noAccess.title")}</EmptyState.Title>
      <EmptyState.Description>{t("team.noAccess.body")}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/">
          {t("team.noAccess.back")}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** Shows `children` only to someone who may do `action`; anyone else gets the "no access" state. */
export function RequirePermission({ action, children }: { action: StaffAction; children: ReactNode }) {
  const can = useCan();
  return can(action) ? children : <NoAccess />;
}
