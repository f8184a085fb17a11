import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function UnavailablePage() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="lg" maw={480}>
        <Stack>
          <Title order={1} size="h3">
            {t("portal.unavailable.title")}
          </Title>
          <Text>{t("portal.unavailable.body")}</Text>
        </Stack>
      </Paper>
    </Center>
  );
}
