import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { EmailTemplate, EmailTemplateInput } from "../../../shared/contracts/email-templates.js";
import { ApiError } from "../../ui/api-client.js";
import { fieldErrorText } from "../../ui/field-error-text.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import {
  type TemplateLanguage,
  useEmailTemplate,
  useEmailTemplates,
  usePreviewEmailTemplate,
  useRestoreEmailTemplate,
  useSaveEmailTemplate,
  useTestEmailTemplate,
} from "./email-templates-api.js";

const LANGS: TemplateLanguage[] = ["es", "en"];
const isLang = (v: string | null): v is TemplateLanguage => v === "es" || v === "en";

/**
 * Settings › Email templates (issue 16 §5, decision 046): the list of editable emails with their state per
 * language; `?template=<kind>&lang=<es|en>` opens one in the editor.
 */
export function EmailTemplatesPanel() {
  const [search, setSearch] = useSearchParams();
  const kind = search.get("template");
  const lang = search.get("lang");
  if (kind)
    return (
      <TemplateEditor
        key={`${kind}:${lang}`}
        kind={kind}
        language={isLang(lang) ? lang : "es"}
        onLanguage={(l) => setSearch({ template: kind, lang: l })}
        onBack={() => setSearch({})}
      />
    );
  return <TemplateList onEdit={(k, l) => setSearch({ template: k, lang: l })} />;
}

type Row = { kind: string; customised?: { es: boolean; en: boolean }; path?: string };

function TemplateList({ onEdit }: { onEdit: (kind: string, lang: TemplateLanguage) => void }) {
  const { t } = useTranslation();
  const list = useEmailTemplates();
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const rows: Row[] = [
    ...list.data.items.map((i) => ({ kind: i.kind, customised: i.customised })),
    ...list.data.elsewhere.map((e) => ({ kind: e.kind, path: e.path })),
  ];
  const name = (kind: string) => t(`emailTemplates.kinds.${kind}` as never, { defaultValue: kind });
  const state = (row: Row, lang: TemplateLanguage) =>
    row.customised ? (
      <Badge color={row.customised[lang] ? "blue" : "gray"} variant="light">
        {t(row.customised[lang] ? "emailTemplates.state.customised" : "emailTemplates.state.default")}
      </Badge>
    ) : null;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("emailTemplates.intro")}
      </Text>
      <ResponsiveTable
        minWidth={640}
        label={t("emailTemplates.tab")}
        rows={rows}
        rowKey={(r) => r.kind}
        columns={[
          { key: "kind", header: t("emailTemplates.columns.kind"), kind: "title", cell: (r) => name(r.kind) },
          {
            key: "es",
            header: t("emailTemplates.columns.es"),
            cell: (r) =>
              r.path ? <Text size="sm">{t("emailTemplates.remindersElsewhere")}</Text> : state(r, "es"),
          },
          { key: "en", header: t("emailTemplates.columns.en"), cell: (r) => state(r, "en") },
          {
            key: "actions",
            header: t("emailTemplates.columns.actions"),
            cell: (r) =>
              r.path ? (
                <Anchor component={Link} to={r.path} size="sm">
                  {t("emailTemplates.openReminders")}
                </Anchor>
              ) : (
                <Group gap="xs">
                  {LANGS.map((l) => (
                    <Button
                      key={l}
                      size="xs"
                      variant="light"
                      aria-label={`${t(`emailTemplates.editIn.${l}`)}: ${name(r.kind)}`}
                      onClick={() => onEdit(r.kind, l)}
                    >
                      {t(`emailTemplates.editIn.${l}`)}
                    </Button>
                  ))}
                </Group>
              ),
          },
        ]}
      />
    </Stack>
  );
}

function TemplateEditor(props: {
  kind: string;
  language: TemplateLanguage;
  onLanguage: (lang: TemplateLanguage) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const template = useEmailTemplate(props.kind, props.language);
  return (
    <Stack>
      <Group justify="space-between">
        <Anchor component="button" type="button" onClick={props.onBack} size="sm">
          ← {t("emailTemplates.back")}
        </Anchor>
        <SegmentedControl
          aria-label={t("emailTemplates.language")}
          value={props.language}
          onChange={(v) => isLang(v) && props.onLanguage(v)}
          data={LANGS.map((l) => ({ value: l, label: t(`emailTemplates.languages.${l}`) }))}
        />
      </Group>
      <Title order={2}>
        {t(`emailTemplates.kinds.${props.kind}` as never, { defaultValue: props.kind })}
      </Title>
      {template.isPending ? <PageLoader /> : null}
      {template.isError ? (
        <ErrorState error={template.error} onRetry={() => void template.refetch()} />
      ) : null}
      {template.data ? <EditorForm template={template.data} /> : null}
    </Stack>
  );
}

function EditorForm({ template }: { template: EmailTemplate }) {
  const { t } = useTranslation();
  const { kind, language } = template;
  const [value, setValue] = useState<EmailTemplateInput>({ subject: template.subject, body: template.body });
  const [restoring, setRestoring] = useState(false);
  const save = useSaveEmailTemplate(kind, language);
  const preview = usePreviewEmailTemplate(kind, language);
  const test = useTestEmailTemplate(kind, language);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<"subject" | "body">("body");

  // Live preview: the text as typed, 400 ms after the last key; only the latest answer is shown.
  const [debounced] = useDebouncedValue(value, 400);
  const latest = useRef(0);
  const [shown, setShown] = useState<{ subject: string; html: string } | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const { mutate: runPreview } = preview;
  useEffect(() => {
    const n = ++latest.current;
    runPreview(debounced, {
      onSuccess: (p) => {
        if (n !== latest.current) return;
        setShown({ subject: p.subject, html: p.html });
        setPreviewError(null);
      },
      onError: (error) => n === latest.current && setPreviewError(error),
    });
  }, [debounced, runPreview]);

  const problem = save.error ?? test.error ?? previewError;
  const errorOf = (part: "subject" | "body"): string | undefined => {
    if (!(problem instanceof ApiError)) return undefined;
    const found = problem.fieldErrors.find((f) => f.field === `body.${part}`);
    return found ? fieldErrorText(found, problem) : undefined;
  };
  const fieldProblem = problem instanceof ApiError && problem.fieldErrors.length > 0;

  const insert = (name: string) => {
    const token = `{{ ${name} }}`;
    const part = lastField.current;
    const el = part === "subject" ? subjectRef.current : bodyRef.current;
    const text = value[part];
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setValue((v) => ({ ...v, [part]: text.slice(0, start) + token + text.slice(end) }));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    test.reset();
    save.mutate(value, {
      onSuccess: () => notifications.show({ color: "green", message: t("emailTemplates.saved") }),
    });
  };
  const sendTest = () => {
    save.reset();
    test.mutate(value, {
      onSuccess: ({ to }) =>
        notifications.show({ color: "green", message: t("emailTemplates.testSent", { to }) }),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="sm">
            <Group gap="xs">
              <Badge color={template.customised ? "blue" : "gray"} variant="light">
                {t(template.customised ? "emailTemplates.customisedBadge" : "emailTemplates.defaultBadge")}
              </Badge>
            </Group>
            <TextInput
              ref={subjectRef}
              label={t("emailTemplates.subject")}
              value={value.subject}
              error={errorOf("subject")}
              onFocus={() => {
                lastField.current = "subject";
              }}
              onChange={(e) => {
                const subject = e.currentTarget.value;
                setValue((v) => ({ ...v, subject }));
              }}
            />
            <Textarea
              ref={bodyRef}
              label={t("emailTemplates.body")}
              description={t("emailTemplates.bodyHelp", {
                example_money: "{{ total_minor | money: currency }}",
                example_date: "{{ due_date | date_long }}",
                interpolation: { escapeValue: false },
              })}
              autosize
              minRows={12}
              maxRows={30}
              styles={{ input: { fontFamily: "monospace" } }}
              value={value.body}
              error={errorOf("body")}
              onFocus={() => {
                lastField.current = "body";
              }}
              onChange={(e) => {
                const body = e.currentTarget.value;
                setValue((v) => ({ ...v, body }));
              }}
            />
            <Stack gap={4}>
              <Text fw={600} size="sm" id="template-variables">
                {t("emailTemplates.variables")}
              </Text>
              <Text size="xs" c="dimmed">
                {t("emailTemplates.variablesHelp")}
              </Text>
              <Stack gap={2} role="group" aria-labelledby="template-variables">
                {template.variables.map((v) => (
                  <UnstyledButton
                    key={v.name}
                    type="button"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => insert(v.name)}
                    style={{ textAlign: "left" }}
                  >
                    <Text size="sm" span ff="monospace" c="blue">{`{{ ${v.name} }}`}</Text>{" "}
                    <Text size="sm" span c="dimmed">
                      {v.description}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </Stack>
            {problem && !fieldProblem ? <ErrorAlert error={problem} /> : null}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("emailTemplates.save")}
              </Button>
              <Button variant="default" onClick={sendTest} loading={test.isPending}>
                {t("emailTemplates.sendTest")}
              </Button>
              {template.customised ? (
                <Button variant="subtle" color="red" onClick={() => setRestoring(true)}>
                  {t("emailTemplates.restore")}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs">
            <Group gap="xs">
              <Title order={3}>{t("emailTemplates.preview")}</Title>
              {preview.isPending ? (
                <Loader size="xs" aria-label={t("emailTemplates.previewLoading")} />
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              {t("emailTemplates.previewHelp")}
            </Text>
            {shown ? (
              <>
                <Text size="sm" data-testid="template-preview-subject">
                  <b>{t("emailTemplates.previewSubject")}</b> {shown.subject}
                </Text>
                <iframe
                  title={t("emailTemplates.previewFrame")}
                  sandbox=""
                  srcDoc={shown.html}
                  style={{
                    width: "100%",
                    height: 480,
                    border: "1px solid var(--mantine-color-gray-3)",
                    borderRadius: 6,
                  }}
                />
              </>
            ) : previewError ? null : (
              <PageLoader />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {restoring ? (
        <RestoreModal
          kind={kind}
          language={language}
          onClose={() => setRestoring(false)}
          onRestored={(restored) => {
            setValue({ subject: restored.subject, body: restored.body });
            setRestoring(false);
          }}
        />
      ) : null}
    </form>
  );
}

function RestoreModal(props: {
  kind: string;
  language: TemplateLanguage;
  onClose: () => void;
  onRestored: (template: EmailTemplate) => void;
}) {
  const { t } = useTranslation();
  const restore = useRestoreEmailTemplate(props.kind, props.language);
  const confirm = () =>
    restore.mutate(undefined, {
      onSuccess: (template) => {
        notifications.show({ color: "green", message: t("emailTemplates.restored") });
        props.onRestored(template);
      },
    });
  return (
    <Modal opened onClose={props.onClose} title={t("emailTemplates.restoreTitle")}>
      <Stack>
        <Text>
          {t("emailTemplates.restoreText", { language: t(`emailTemplates.languages.${props.language}`) })}
        </Text>
        <ErrorAlert error={restore.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t("emailTemplates.cancel")}
          </Button>
          <Button color="red" loading={restore.isPending} onClick={confirm} data-autofocus>
            {t("emailTemplates.restoreConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
