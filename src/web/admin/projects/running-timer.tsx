import { Anchor, Button, Group, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { notifyDone } from "../../ui/notify.js";
import { useRunningTimer, useStopTimer } from "./projects-api.js";
import { formatMinutes } from "./time-form-model.js";

/** h:mm:ss since a start, ticking every second while shown. */
function useElapsed(startedAt: string | null | undefined): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [startedAt]);
  if (!startedAt) return "";
  const seconds = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  return `${formatMinutes(Math.floor(seconds / 60))}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The header's running timer (the signed-in person's): its project, the time elapsed, Stop. */
export function RunningTimer() {
  const { t } = useTranslation();
  const timer = useRunningTimer();
  const stop = useStopTimer();
  const entry = timer.data?.entry;
  const elapsed = useElapsed(entry?.startedAt);
  if (!entry) return null;
  return (
    <Group gap={6} wrap="nowrap" role="timer" aria-live="off">
      <Anchor
        component={Link}
        to={`/projects/${entry.projectId}`}
        size="sm"
        visibleFrom="sm"
        truncate="end"
        maw={200}
      >
        {entry.projectName}
      </Anchor>
      <Text
        size="sm"
        ff="monospace"
        aria-label={t("projects.timer.runningOn", { project: entry.projectName, elapsed })}
      >
        {elapsed}
      </Text>
      <Button
        size="compact-sm"
        color="red"
        variant="light"
        loading={stop.isPending}
        aria-label={t("projects.timer.stopLabel", { project: entry.projectName })}
        onClick={() =>
          stop.mutate(undefined, {
            onSuccess: (stopped) =>
              notifyDone(t("projects.timer.stopped", { duration: formatMinutes(stopped.minutes ?? 0) })),
          })
        }
      >
        {t("projects.timer.stop")}
      </Button>
    </Group>
  );
}
