import {
  Code,
  Fieldset,
  Group,
  NumberInput,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  REMINDER_KINDS,
  REMINDER_VARIABLES,
  type ReminderKind,
  type ReminderSettings,
} from "../../../shared/contracts/reminders.js";
import { ApiError } from "../../ui/api-client.js";
import { fieldErrorText } from "../../ui/field-error-text.js";
import { FormActions } from "../../ui/form-actions.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { useReminderSettings, useUpdateReminderSettings } from "./reminders-api.js";

/** Settings › Reminders (issue 15 §3): the three payment reminders, each on or off, with its email texts. */
export function RemindersPanel() {
  const settings = useReminderSettings();
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <RemindersForm initial={settings.data} />;
}

const LANGS = ["es", "en"] as const;

function RemindersForm({ initial }: { initial: ReminderSettings }) {
  const { t } = useTranslation();
  const update = useUpdateReminderSettings();
  const [value, setValue] = useState<ReminderSettings>(initial);

  const errorOf = (field: string): string | undefined => {
    const error = update.error;
    if (!(error instanceof ApiError)) return undefined;
    const found = error.fieldErrors.find((f) => f.field === `body.${field}`);
    return found ? fieldErrorText(found, error) : undefined;
  };
  const change = (kind: ReminderKind, patch: Partial<ReminderSettings[ReminderKind]>) =>
    setValue((v) => ({ ...v, [kind]: { ...v[kind], ...patch } }));
  const changeText = (kind: ReminderKind, lang: "es" | "en", part: "subject" | "body", text: string) =>
    setValue((v) => ({
      ...v,
      [kind]: {
        ...v[kind],
        templates: { ...v[kind].templates, [lang]: { ...v[kind].templates[lang], [part]: text } },
      },
    }));

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    update.mutate(value, {
      onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }),
    });
  };

  return (
    <form onSubmit={save} noValidate>
      <Stack maw={720}>
        <Text size="sm" c="dimmed">
          {t("reminders.intro")}
        </Text>
        {REMINDER_KINDS.map((kind) => (
          <Fieldset key={kind} legend={t(`reminders.kinds.${kind}`)}>
            <Stack gap="sm">
              <Group align="flex-end">
                <Switch
                  label={t("reminders.enabled")}
                  checked={value[kind].enabled}
                  onChange={(e) => change(kind, { enabled: e.currentTarget.checked })}
                />
                {kind === "on_due" ? null : (
                  <NumberInput
                    label={t(kind === "before_due" ? "reminders.daysBefore" : "reminders.daysAfter")}
                    min={1}
                    max={90}
                    w={200}
                    allowDecimal={false}
                    allowNegative={false}
                    value={value[kind].days}
                    error={errorOf(`${kind}.days`)}
                    onChange={(n) => change(kind, { days: typeof n === "number" ? n : Number(n) || 1 })}
                  />
                )}
              </Group>
              <Tabs defaultValue="es" keepMounted>
                <Tabs.List>
                  {LANGS.map((lang) => (
                    <Tabs.Tab key={lang} value={lang}>
                      {t(`reminders.languages.${lang}`)}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                {LANGS.map((lang) => (
                  <Tabs.Panel key={lang} value={lang} pt="sm">
                    <Stack gap="sm">
                      <TextInput
                        label={t("reminders.subject")}
                        value={value[kind].templates[lang].subject}
                        error={errorOf(`${kind}.templates.${lang}.subject`)}
                        onChange={(e) => changeText(kind, lang, "subject", e.currentTarget.value)}
                      />
                      <Textarea
                        label={t("reminders.body")}
                        autosize
                        minRows={6}
                        value={value[kind].templates[lang].body}
                        error={errorOf(`${kind}.templates.${lang}.body`)}
                        onChange={(e) => changeText(kind, lang, "body", e.currentTarget.value)}
                      />
                    </Stack>
                  </Tabs.Panel>
                ))}
              </Tabs>
            </Stack>
          </Fieldset>
        ))}
        <Text size="sm" c="dimmed">
          {t("reminders.variables")}{" "}
          {REMINDER_VARIABLES.map((name, i) => (
            <span key={name}>
              {i > 0 ? ", " : null}
              <Code>{`{{ ${name} }}`}</Code>
            </span>
          ))}
          . {t("reminders.filters")} <Code>{"{{ due_minor | money: currency }}"}</Code>,{" "}
          <Code>{"{{ due_date | date_long }}"}</Code>. {t("reminders.buttonHint")}
        </Text>
        <FormActions error={update.error} pending={update.isPending} justify="flex-start" />
      </Stack>
    </form>
  );
}
