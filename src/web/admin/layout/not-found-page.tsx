import { Button, EmptyState } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t("errors.notFound")} py="xl">
      <EmptyState.Actions>
        <Button component={Link} to="/">
          {t("admin.nav.dashboard")}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
