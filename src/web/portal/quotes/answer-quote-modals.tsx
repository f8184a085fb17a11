import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalQuoteDetail } from "../../../shared/contracts/index.js";
import { errorMessage, isApiError } from "../../ui/api-client.js";
import { useFormat } from "../../ui/format.js";
import { useAcceptQuote, useDeclineQuote } from "./quotes-api.js";
import { SignaturePad } from "./signature-pad.js";

interface ModalProps {
  quote: PortalQuoteDetail;
  opened: boolean;
  onClose: () => void;
  onReload: () => void;
}

/** A refused answer: QUOTE_CHANGED (the page is stale) offers a reload; every other shows its message. */
function AnswerError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error) && error.code === "QUOTE_CHANGED") {
    return (
      <Alert color="yellow" role="alert">
        <Group justify="space-between" gap="xs">
          <Text size="sm">{t("quotes.portal.changed")}</Text>
          <Button size="xs" variant="light" onClick={onReload}>
            {t("quotes.portal.reload")}
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" variant="light">
      {errorMessage(error)}
    </Alert>
  );
}

export function AcceptQuoteModal({
  quote,
  opened,
  onClose,
  onReload,
  contactName,
}: ModalProps & { contactName: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const accept = useAcceptQuote(quote.id);
  const [signerName, setSignerName] = useState(contactName);
  const [signature, setSignature] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ name?: string; signature?: string }>({});

  const submit = () => {
    const next = {
      name: signerName.trim() ? undefined : t("errors.required"),
      signature: quote.requireSignature && !signature ? t("quotes.portal.signatureMissing") : undefined,
    };
    setErrors(next);
    if (next.name || next.signature) return;
    accept.mutate(
      {
        signerName: signerName.trim(),
        signatureImage: quote.requireSignature && signature ? signature : undefined,
        documentHash: quote.documentHash,
      },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("quotes.portal.accepted") });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("quotes.portal.acceptTitle")}
      fullScreen={false}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">
            {t("quotes.portal.acceptIntro", {
              number: quote.displayNumber ?? "",
              total: f.money(quote.totalMinor, quote.currency),
            })}
          </Text>
          <TextInput
            label={t("quotes.portal.signerName")}
            required
            value={signerName}
            onChange={(e) => setSignerName(e.currentTarget.value)}
            error={errors.name}
            maxLength={200}
            autoComplete="name"
          />
          {quote.requireSignature ? (
            <SignaturePad
              onChange={(value) => {
                setSignature(value);
                if (value) setErrors((prev) => ({ ...prev, signature: undefined }));
              }}
              error={errors.signature}
            />
          ) : null}
          <AnswerError error={accept.error} onReload={onReload} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="green" loading={accept.isPending}>
              {t("quotes.portal.acceptConfirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function DeclineQuoteModal({ quote, opened, onClose, onReload }: ModalProps) {
  const { t } = useTranslation();
  const decline = useDeclineQuote(quote.id);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!reason.trim()) {
      setError(t("errors.required"));
      return;
    }
    setError(null);
    decline.mutate(
      { reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ message: t("quotes.portal.declined") });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("quotes.portal.declineTitle")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Textarea
            label={t("quotes.portal.reason")}
            description={t("quotes.portal.reasonHelp")}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
          />
          <AnswerError error={decline.error} onReload={onReload} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={decline.isPending}>
              {t("quotes.portal.declineConfirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
