import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/page-states.js";

interface VoidTexts {
  title: string;
  body: string;
  confirm: string;
  voided: string;
}

/** Voiding a document of any kind asks once, says what it does, and confirms when done. */
export function VoidDocumentModal({
  opened,
  onClose,
  voidDocument,
  text,
}: {
  opened: boolean;
  onClose: () => void;
  voidDocument: {
    mutate: (variables: undefined, options: { onSuccess: () => void }) => void;
    isPending: boolean;
    error: unknown;
  };
  text: VoidTexts;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={text.title}>
      <Stack>
        <Text size="sm">{text.body}</Text>
        <ErrorAlert error={voidDocument.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={voidDocument.isPending}
            onClick={() =>
              voidDocument.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ message: text.voided });
                  onClose();
                },
              })
            }
          >
            {text.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
