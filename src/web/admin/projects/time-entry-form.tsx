import { Group, Modal, Select, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectDetail, TimeEntry } from "../../../shared/contracts/projects.js";
import { FormActions } from "../../ui/form-actions.js";
import { notifyDone } from "../../ui/notify.js";
import { todayIso } from "../documents/lines-form-model.js";
import { useSaveEntry } from "./projects-api.js";
import { formatMinutes, parseDuration } from "./time-form-model.js";

/** "Log time" on a project, or editing one entry: date, duration, task, notes, billable. */
export function TimeEntryForm({
  project,
  entry,
  onDone,
}: {
  project: ProjectDetail;
  entry?: TimeEntry;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveEntry();
  const [workDate, setWorkDate] = useState(entry?.workDate ?? todayIso());
  const [duration, setDuration] = useState(entry?.minutes ? formatMinutes(entry.minutes) : "");
  const [taskId, setTaskId] = useState<string | null>(entry?.taskId ?? null);
  const [notes, setNotes] = useState(entry?.notes ?? "");
  const [billable, setBillable] = useState(entry?.billable ?? true);
  const [touched, setTouched] = useState(false);
  const minutes = parseDuration(duration);
  const tasks = project.tasks.filter((task) => !task.archived || task.id === entry?.taskId);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (minutes === null || !workDate) return;
    save.mutate(
      {
        id: entry?.id,
        body: {
          projectId: project.id,
          taskId,
          workDate,
          minutes,
          notes: notes || null,
          billable,
          userId: entry?.userId,
        },
      },
      {
        onSuccess: () => {
          notifyDone(t("projects.entrySaved"));
          setTouched(false);
          if (!entry) {
            setDuration("");
            setNotes("");
          }
          onDone?.();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={entry ? t("projects.editEntry") : t("projects.logTime")}>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t("projects.date")}
            required
            value={workDate}
            onChange={(e) => setWorkDate(e.currentTarget.value)}
          />
          <TextInput
            label={t("projects.duration")}
            description={t("projects.durationHint")}
            required
            value={duration}
            onChange={(e) => setDuration(e.currentTarget.value)}
            error={touched && minutes === null ? t("projects.invalidDuration") : null}
          />
          {tasks.length > 0 ? (
            <Select
              label={t("projects.task")}
              placeholder={t("projects.noTask")}
              clearable
              data={tasks.map((task) => ({ value: task.id, label: task.name }))}
              value={taskId}
              onChange={setTaskId}
            />
          ) : null}
        </Group>
        <Textarea
          label={t("projects.notes")}
          maxLength={2000}
          autosize
          minRows={1}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Switch
          label={t("projects.billable")}
          checked={billable}
          onChange={(e) => setBillable(e.currentTarget.checked)}
        />
        <FormActions
          error={save.error}
          pending={save.isPending}
          label={entry ? t("common.save") : t("projects.logTime")}
          onCancel={entry ? onDone : undefined}
        />
      </Stack>
    </form>
  );
}

export function EditEntryModal({
  project,
  entry,
  onClose,
}: {
  project: ProjectDetail;
  entry: TimeEntry | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={entry !== null} onClose={onClose} title={t("projects.editEntry")} size="lg">
      {entry ? <TimeEntryForm project={project} entry={entry} onDone={onClose} /> : null}
    </Modal>
  );
}
