import { Anchor, Card, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QuoteVersion } from "../../shared/contracts/index.js";
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
      <Table.ScrollContainer minWidth={320}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("quotes.field.number")}</Table.Th>
              <Table.Th scope="col">{t("quotes.versions.sentAt")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("quotes.field.total")}
              </Table.Th>
              <Table.Th scope="col">{t("quotes.field.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((version) => {
              const label =
                version.displayNumber ?? t("quotes.versions.revision", { revision: version.revision });
              return (
                <Table.Tr key={version.id}>
                  <Table.Td>
                    {version.id === currentId ? (
                      <Text size="sm" fw={600} aria-current="page">
                        {label} · {t("quotes.versions.current")}
                      </Text>
                    ) : (
                      <Anchor component={Link} to={pathOf(version.id)} size="sm">
                        {label}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{f.date(version.sentAt)}</Table.Td>
                  <Table.Td ta="right">{f.money(version.totalMinor, currency)}</Table.Td>
                  <Table.Td>
                    <QuoteStatusBadge status={version.status} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
