import { Button, EmptyState } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState py="xl">
      {/* The page's only heading: without it a screen reader lands on a page with no title. */}
      <EmptyState.Title order={1}>{t("errors.notFound")}</EmptyState.Title>
      <EmptyState.Actions>
        <Button component={Link} to="/">
          {t("admin.nav.dashboard")}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
