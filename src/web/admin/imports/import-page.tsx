import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  IMPORT_FIELDS,
  type ImportJob,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { fieldErrorKey } from "../../ui/field-error-text.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { queryKeys } from "../../ui/query-keys.js";
import { PageHeader } from "../layout/page-header.js";
import { isFinished, problemsByRow, progressPercent, remap } from "./import-model.js";

/**
 * Customers → Import (issue 12 §2, decision 029): choose a file, check the preview (mapping, first rows,
 * every row's problems), import in the background with a progress bar, then read the report.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>("customers");
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const preview = useMutation({
    mutationFn: (body: { name: string; csv: string; mapping?: ImportMapping }) =>
      api.post("/api/imports/preview", {
        body: { kind, fileName: body.name, csv: body.csv, mapping: body.mapping },
      }),
  });
  const start = useMutation({
    mutationFn: (p: ImportPreview) =>
      api.post("/api/imports", {
        body: { kind, fileName: file?.name ?? "import.csv", csv: file?.csv ?? "", mapping: p.mapping },
      }),
    onSuccess: (job) => setJobId(job.id),
  });

  const choose = async (chosen: File | null) => {
    setJobId(null);
    preview.reset();
    if (!chosen) return setFile(null);
    const read = { name: chosen.name, csv: await chosen.text() };
    setFile(read);
    preview.mutate(read);
  };
  const reset = () => {
    setFile(null);
    setJobId(null);
    preview.reset();
    start.reset();
  };

  return (
    <Stack>
      <PageHeader title={t("imports.title")} />
      <Text>{t("imports.intro")}</Text>
      <Group align="flex-end">
        <SegmentedControl
          aria-label={t("imports.kind")}
          value={kind}
          onChange={(value) => {
            setKind(value as ImportKind);
            reset();
          }}
          data={(["customers", "invoices"] as const).map((k) => ({
            value: k,
            label: t(`imports.kinds.${k}`),
          }))}
        />
        <Anchor href={`/api/imports/template?kind=${kind}`} download>
          {t("imports.template")}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t("imports.rules")}
      </Text>
      {jobId ? null : (
        <FileInput
          label={t("imports.file")}
          accept=".csv,text/csv"
          value={null}
          placeholder={file?.name}
          onChange={(f) => void choose(f)}
          maw={400}
        />
      )}
      <ErrorAlert error={preview.error ?? start.error} />
      {preview.data && !jobId ? (
        <PreviewView
          preview={preview.data}
          onRemap={(mapping) => file && preview.mutate({ ...file, mapping })}
          onStart={() => preview.data && start.mutate(preview.data)}
          starting={start.isPending}
        />
      ) : null}
      {jobId ? <JobView jobId={jobId} onAgain={reset} /> : null}
    </Stack>
  );
}

function ProblemText({ problem }: { problem: ImportProblem }) {
  const { t, i18n } = useTranslation();
  const found = fieldErrorKey(problem.code, problem.params, i18n.language);
  const field = t(`imports.fields.${problem.field}` as never, { defaultValue: problem.field });
  const text = found ? String(t(`validation.${found.key}` as never, found.values as never)) : problem.code;
  return (
    <>
      <b>{field}</b>: {text}
    </>
  );
}

function ProblemList({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t("imports.problemsTitle", { count: problems.length })}>
      <List size="sm" spacing={4}>
        {problemsByRow(problems).map(([row, list]) => (
          <List.Item key={row}>
            {t("imports.row", { row })} —{" "}
            {list.map((p, i) => (
              <span key={`${p.field}-${p.code}`}>
                {i > 0 ? "; " : null}
                <ProblemText problem={p} />
              </span>
            ))}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function PreviewView({
  preview,
  onRemap,
  onStart,
  starting,
}: {
  preview: ImportPreview;
  onRemap: (mapping: ImportMapping) => void;
  onStart: () => void;
  starting: boolean;
}) {
  const { t } = useTranslation();
  const columns = preview.headers.map((h) => ({ value: h, label: h }));
  return (
    <Stack>
      <Text>
        {t("imports.summary", { count: preview.rowCount, delimiter: preview.delimiter })} ·{" "}
        {t("imports.toCreate", { count: preview.toCreate })} ·{" "}
        {t("imports.toSkip", { count: preview.toSkip })}
      </Text>
      <Title order={2} size="h4">
        {t("imports.mapping")}
      </Title>
      <Table withTableBorder maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("imports.field")}</Table.Th>
            <Table.Th>{t("imports.column")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {IMPORT_FIELDS[preview.kind].map((field) => (
            <Table.Tr key={field}>
              <Table.Td>{t(`imports.fields.${field}`)}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={t(`imports.fields.${field}`)}
                  data={columns}
                  value={preview.mapping[field] ?? null}
                  placeholder={t("imports.notImported")}
                  clearable
                  onChange={(column) => onRemap(remap(preview.mapping, field, column))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">
        {t("imports.sample")}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {preview.headers.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a CSV's columns and rows are positional, never reordered.
                <Table.Th key={`${h}-${i}`}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.slice(0, 5).map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a CSV's columns and rows are positional, never reordered.
              <Table.Tr key={r}>
                {preview.headers.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a CSV's columns and rows are positional, never reordered.
                  <Table.Td key={`${h}-${i}`}>{row[i] ?? ""}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {preview.problems.length > 0 ? (
        <ProblemList problems={preview.problems} />
      ) : (
        <Alert color="green">{t("imports.noProblems")}</Alert>
      )}
      <Group>
        <Button
          onClick={onStart}
          loading={starting}
          disabled={preview.problems.length > 0 || preview.toCreate === 0}
        >
          {t("imports.start", { count: preview.toCreate })}
        </Button>
      </Group>
    </Stack>
  );
}

function JobView({ jobId, onAgain }: { jobId: string; onAgain: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const job = useQuery({
    queryKey: queryKeys.importJob(jobId),
    queryFn: ({ signal }) => api.get("/api/imports/:id", { params: { id: jobId }, signal }),
    refetchInterval: (query) => (isFinished(query.state.data as ImportJob | undefined) ? false : 500),
  });
  const data = job.data;
  const done = data?.status === "done";
  // Imported customers and invoices appear in the lists once the job is done.
  useEffect(() => {
    if (done) void client.invalidateQueries();
  }, [done, client]);
  if (!data) return <ErrorAlert error={job.error} />;
  if (!isFinished(data)) {
    return (
      <Stack gap="xs" maw={640}>
        <Text id="import-progress">
          {t("imports.progress", { done: data.rowsDone, total: data.rowsTotal })}
        </Text>
        <Progress value={progressPercent(data)} aria-labelledby="import-progress" animated />
      </Stack>
    );
  }
  const report = data.report;
  return (
    <Stack maw={640}>
      <Alert
        color={data.status === "done" ? "green" : "red"}
        title={t(data.status === "done" ? "imports.doneTitle" : "imports.failedTitle")}
      >
        {report ? t("imports.report", report) : null}
      </Alert>
      {report && report.problems.length > 0 ? <ProblemList problems={report.problems} /> : null}
      <Group>
        <Button variant="default" onClick={onAgain}>
          {t("imports.again")}
        </Button>
      </Group>
    </Stack>
  );
}
