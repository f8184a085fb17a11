import { Button, Group, Menu, Modal, Progress, Stack, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  downloadExport,
  ExportFailed,
  type ExportFormat,
  type ExportList,
  type ExportProgress,
  exportUrl,
  progressRatio,
} from "./export-download.js";

type State =
  | { step: "idle" }
  | { step: "running"; progress: ExportProgress | null }
  | { step: "done"; filename: string }
  | { step: "failed"; message: string }
  | { step: "cancelled" };

const sizeOf = (bytes: number, locale: string) =>
  new Intl.NumberFormat(locale, {
    style: "unit",
    unit: bytes >= 1 << 20 ? "megabyte" : "kilobyte",
    maximumFractionDigits: 1,
  }).format(bytes >= 1 << 20 ? bytes / (1 << 20) : bytes / 1024);

function saveFile(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * The Export menu of a list's toolbar (issue 19): CSV or XLSX of the list as filtered and sorted now (its
 * URL query), every row, with the progress of the download (bytes; rows of the total the server states),
 * a way to cancel, and the server's explanation when it refuses (too many rows: narrow the filters).
 */
export function ExportMenu({ list, query }: { list: ExportList; query: Record<string, string | undefined> }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ step: "idle" });
  const abort = useRef<AbortController | null>(null);

  const start = async (format: ExportFormat) => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: "running", progress: null });
    try {
      const { blob, filename } = await downloadExport(
        exportUrl(list, format, query),
        format,
        i18n.language || "en",
        (progress) => setState({ step: "running", progress }),
        controller.signal,
      );
      saveFile(blob, filename);
      setState({ step: "done", filename });
    } catch (err) {
      if (controller.signal.aborted) setState({ step: "cancelled" });
      else
        setState({
          step: "failed",
          message: err instanceof ExportFailed && err.detail ? err.detail : t("exports.failedRetry"),
        });
    } finally {
      abort.current = null;
    }
  };
  const cancel = () => abort.current?.abort();
  const close = () => {
    cancel();
    setState({ step: "idle" });
  };

  const running = state.step === "running";
  const progress = running ? state.progress : null;
  const ratio = progress ? progressRatio(progress) : null;
  return (
    <>
      <Menu position="bottom-end" withinPortal={false}>
        <Menu.Target>
          <Button variant="default" loading={running} data-testid="export-menu">
            {t("exports.menu")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => start("csv")}>{t("exports.csv")}</Menu.Item>
          <Menu.Item onClick={() => start("xlsx")}>{t("exports.xlsx")}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={state.step !== "idle"} onClose={close} title={t("exports.title")}>
        <Stack gap="sm">
          {running && (
            <>
              <Progress
                value={ratio === null ? 100 : ratio * 100}
                animated={ratio === null}
                striped={ratio === null}
                aria-label={t("exports.title")}
              />
              <Text size="sm" aria-live="polite">
                {!progress
                  ? t("exports.preparing")
                  : [
                      t("exports.received", { size: sizeOf(progress.bytes, i18n.language || "en") }),
                      progress.totalRows !== null
                        ? progress.rows !== null
                          ? t("exports.rows", { done: progress.rows, total: progress.totalRows })
                          : t("exports.totalRows", { total: progress.totalRows })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
              </Text>
            </>
          )}
          {state.step === "done" && (
            <Text size="sm" role="status">
              {t("exports.done", { filename: state.filename })}
            </Text>
          )}
          {state.step === "cancelled" && (
            <Text size="sm" role="status">
              {t("exports.cancelled")}
            </Text>
          )}
          {state.step === "failed" && (
            <Text size="sm" c="red" role="alert">
              {t("exports.failed")} {state.message}
            </Text>
          )}
          <Group justify="flex-end">
            {running ? (
              <Button variant="default" onClick={cancel}>
                {t("exports.cancel")}
              </Button>
            ) : (
              <Button variant="default" onClick={close}>
                {t("exports.close")}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
