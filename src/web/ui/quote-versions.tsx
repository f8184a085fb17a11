import { Anchor, Card, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QuoteVersion } from "../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column } from "./column-table.js";
import { useFormat } from "./format.js";
import { QuoteStatusBadge } from "./status-badge.js";

/** Every revision of a quote, oldest first; each links to its own (read-only when superseded) page. */
export function QuoteVersions({
  versions,
  currentId,
  currency,
  pathOf,
}: {
  versions: QuoteVersion[];
  currentId: string;
  currency: string;
  pathOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (versions.length < 2) return null;
  return (
    <Card withBorder component="section" aria-labelledby="quote-versions-title">
      <Title order={2} size="h4" mb="xs" id="quote-versions-title">
        {t("quotes.versions.title")}
      </Title>
      <ColumnTable<QuoteVersion>
        minWidth={320}
        verticalSpacing={4}
        rows={versions}
        rowKey={(version) => version.id}
        columns={[
          {
            key: "number",
            header: t("quotes.field.number"),
            cell: (version) => {
              const label =
                version.displayNumber ?? t("quotes.versions.revision", { revision: version.revision });
              return version.id === currentId ? (
                <Text size="sm" fw={600} aria-current="page">
                  {label} · {t("quotes.versions.current")}
                </Text>
              ) : (
                <Anchor component={Link} to={pathOf(version.id)} size="sm">
                  {label}
                </Anchor>
              );
            },
          },
          column("sentAt", t("quotes.versions.sentAt"), (version) => f.date(version.sentAt)),
          amountColumn("total", t("quotes.field.total"), (version) => f.money(version.totalMinor, currency)),
          column("status", t("quotes.field.status"), (version) => (
            <QuoteStatusBadge status={version.status} />
          )),
        ]}
      />
    </Card>
  );
}
