import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalHome } from "../../../shared/contracts/index.js";
import { FactGrid } from "../../ui/fact.js";

/** The customer's account details and its contact persons (E1); changed from My details (E12). */
export function AccountCard({ account, contacts }: Pick<PortalHome, "account" | "contacts">) {
  const { t } = useTranslation();
  const a = account.address;
  const address = [
    a.line1,
    a.line2,
    [a.postalCode, a.city].filter(Boolean).join(" "),
    a.region,
    a.country,
  ].filter(Boolean);
  const rows: [string, ReactNode][] = [];
  if (account.legalName) rows.push([t("portalHome.legalName"), account.legalName]);
  if (account.taxId) rows.push([t("portalHome.taxId"), account.taxId]);
  if (account.email) rows.push([t("portalHome.email"), account.email]);
  if (account.phone) rows.push([t("portalHome.phone"), account.phone]);
  if (address.length > 0)
    rows.push([
      t("portalHome.address"),
      address.map((line) => (
        <span key={line} style={{ display: "block" }}>
          {line}
        </span>
      )),
    ]);
  return (
    <Card withBorder component="section" aria-labelledby="home-account-title" data-testid="home-account">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="home-account-title">
          {t("portalHome.account")}
        </Title>
        <Anchor component={Link} to="/account" size="sm">
          {t("portalHome.editDetails")}
        </Anchor>
      </Group>
      <Text fw={600} mb="xs">
        {account.name}
      </Text>
      {rows.length > 0 ? <FactGrid facts={rows} spacing="sm" wrapAnywhere /> : null}
      <Title order={3} size="h5" mt="md" mb="xs">
        {t("portalHome.contacts")}
      </Title>
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("portalHome.noContacts")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {contacts.map((c) => (
            <li key={c.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={500}>
                  {c.name}
                </Text>
                {c.isPrimary ? (
                  <Badge size="sm" variant="light">
                    {t("portalHome.primary")}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {[c.email, c.phone].filter(Boolean).join(" · ")}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
