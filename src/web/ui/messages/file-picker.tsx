import { Button, CloseButton, FileButton, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type NewAttachment,
} from "../../../shared/contracts/index.js";

const ACCEPT = "application/pdf,image/png,image/jpeg,image/webp,.pdf,.png,.jpg,.jpeg,.webp";

/** Files chosen for a message, read as base64; the server checks their bytes again (decision 043). */
export function FilePicker({
  files,
  onChange,
  onError,
  disabled,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  onError: (message: string | null) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const add = (chosen: File[]) => {
    const next = [...files, ...chosen];
    if (next.length > MAX_ATTACHMENTS) return onError(t("messages.tooManyFiles"));
    const big = chosen.find((f) => f.size > MAX_ATTACHMENT_BYTES);
    if (big) return onError(t("messages.fileTooLarge", { name: big.name }));
    onError(null);
    onChange(next);
  };
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <FileButton onChange={add} accept={ACCEPT} multiple disabled={disabled}>
          {(props) => (
            <Button {...props} variant="default" size="xs" disabled={disabled}>
              {t("messages.attach")}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t("messages.attachHelp")}
        </Text>
      </Group>
      {files.length > 0 ? (
        <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {files.map((f, i) => (
            <Group key={`${f.name}-${f.size}-${f.lastModified}`} gap={4} component="li">
              <Text size="sm">{f.name}</Text>
              <CloseButton
                size="sm"
                aria-label={t("messages.removeFile", { name: f.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              />
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

export async function toAttachments(files: File[]): Promise<NewAttachment[]> {
  return Promise.all(
    files.map(
      (file) =>
        new Promise<NewAttachment>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => {
            const url = String(reader.result);
            resolve({ filename: file.name, data: url.slice(url.indexOf(",") + 1) });
          };
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(file);
        }),
    ),
  );
}

export function fileSize(bytes: number, locale: string): string {
  const kb = bytes / 1024;
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return kb < 1024 ? `${n.format(kb)} KB` : `${n.format(kb / 1024)} MB`;
}
