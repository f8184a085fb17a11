import { Anchor, Center, Container, Group, Image, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { LanguageSwitch } from "../../ui/language-switch.js";
import { useBranding } from "../portal-api.js";

/** The pages a visitor reaches without a session (forgot, reset, invitation): the brand and a card. */
export function PublicAuthLayout() {
  const { t } = useTranslation();
  const branding = useBranding().data;
  const name = branding?.name ?? "";
  return (
    <Container size="xs" py="md" component="main">
      <Group justify="space-between" wrap="nowrap" mb="lg">
        <Group gap="sm" wrap="nowrap" miw={0}>
          {branding?.logoUrl ? (
            <Image
              src={branding.logoUrl}
              alt={t("portal.logoAlt", { name })}
              h={40}
              w="auto"
              maw={140}
              fit="contain"
            />
          ) : null}
          <Text fw={700} c="var(--mantine-primary-color-filled)" truncate="end">
            {name}
          </Text>
        </Group>
        <LanguageSwitch />
      </Group>
      <Outlet />
    </Container>
  );
}

/** One titled card holding a form; `footer` holds the way back. */
export function AuthCard({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Center py="md">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={420}>
        <Stack>
          <Title order={1} size="h3">
            {title}
          </Title>
          {children}
          {footer}
        </Stack>
      </Paper>
    </Center>
  );
}

export function BackToSignIn() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/login" size="sm">
      {t("portalAuth.backToSignIn")}
    </Anchor>
  );
}
