import { Alert, Center, Paper, Stack, Text, Title } from "@mantine/core";
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

/** No contact session: portal documents open from the links in emails (passwords come later). */
export function SignInNeededPage({ orgName, signedOut }: { orgName: string; signedOut: boolean }) {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Paper withBorder p="lg" maw={520}>
        <Stack>
          {signedOut ? (
            <Alert color="green" role="status">
              {t("portal.signInNeeded.signedOut")}
            </Alert>
          ) : null}
          <Title order={1} size="h3">
            {t("portal.signInNeeded.title")}
          </Title>
          <Text>{t("portal.signInNeeded.body", { name: orgName })}</Text>
        </Stack>
      </Paper>
    </Center>
  );
}
