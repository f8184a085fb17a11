import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../session.js";
import { useOnboarding } from "./signup-api.js";
import { ONBOARDING_LINKS } from "./signup-model.js";

/**
 * The first-run checklist (issue 12, G1) on the dashboard: it ticks itself from the server's answer, each
 * open item links to where it is done, and once everything is done it can be hidden (per organisation).
 */
export function GetStartedCard() {
  const { t } = useTranslation();
  const me = useMe();
  const onboarding = useOnboarding();
  const [hidden, setHidden] = useLocalStorage<string[]>({
    key: "portico.getStarted.hidden",
    defaultValue: [],
  });
  const orgId = me.data?.org.id;
  const data = onboarding.data;
  if (!data || !orgId || (data.complete && hidden.includes(orgId))) return null;
  const done = data.items.filter((item) => item.done).length;
  return (
    <Card withBorder component="section" aria-labelledby="get-started-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="get-started-title">
            {t("signup.checklist.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("signup.checklist.progress", { done, total: data.items.length })}
          </Text>
        </Group>
        <Progress value={(done / data.items.length) * 100} aria-hidden />
        <Text size="sm">{data.complete ? t("signup.checklist.allDone") : t("signup.checklist.intro")}</Text>
        <List spacing="xs" listStyleType="none" data-testid="get-started-items">
          {data.items.map((item) => (
            <List.Item
              key={item.key}
              data-done={item.done}
              icon={
                <ThemeIcon
                  size="sm"
                  radius="xl"
                  color={item.done ? "green" : "gray"}
                  variant="light"
                  aria-hidden
                >
                  {item.done ? "✓" : "·"}
                </ThemeIcon>
              }
            >
              <Group gap="xs" wrap="nowrap">
                <Anchor
                  component={Link}
                  to={ONBOARDING_LINKS[item.key]}
                  td={item.done ? "line-through" : undefined}
                >
                  {t(`signup.checklist.items.${item.key}`)}
                </Anchor>
                <Badge size="xs" variant="light" color={item.done ? "green" : "gray"}>
                  {item.done ? t("signup.checklist.done") : t("signup.checklist.todo")}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
        {data.complete ? (
          <Button
            variant="light"
            onClick={() => setHidden([...hidden, orgId])}
            style={{ alignSelf: "flex-start" }}
          >
            {t("signup.checklist.dismiss")}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}
