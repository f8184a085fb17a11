import { Stack, Text } from "@mantine/core";

/** A labelled block of free text typed by someone (notes, terms), line breaks kept. */
export function LongText({ label, text }: { label: string; text: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {text}
      </Text>
    </Stack>
  );
}
