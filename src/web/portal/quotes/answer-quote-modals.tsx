import {
  Alert,
  Box,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type PortalQuoteDetail, SIGNATURE_TEXT_MAX } from "../../../shared/contracts/index.js";
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
  // Issue 10: a typed signature for those who cannot draw (keyboard, screen reader).
  const [mode, setMode] = useState<"drawn" | "typed">("drawn");
  const [typed, setTyped] = useState(contactName);
  const [errors, setErrors] = useState<{ name?: string; signature?: string; typed?: string }>({});

  const submit = () => {
    const typing = quote.requireSignature && mode === "typed";
    const next = {
      name: signerName.trim() ? undefined : t("errors.required"),
      signature:
        quote.requireSignature && !typing && !signature ? t("quotes.portal.signatureMissing") : undefined,
      typed: typing && !typed.trim() ? t("quotes.portal.typedSignatureMissing") : undefined,
    };
    setErrors(next);
    if (next.name || next.signature || next.typed) return;
    accept.mutate(
      typing
        ? {
            signerName: signerName.trim(),
            signatureType: "typed",
            signatureText: typed.trim(),
            documentHash: quote.documentHash,
          }
        : {
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
            <Stack gap="xs">
              <div role="radiogroup" aria-labelledby="signature-mode-label">
                <Text size="sm" fw={500} id="signature-mode-label" mb={4}>
                  {t("quotes.portal.signatureMode")}
                </Text>
                <SegmentedControl
                  fullWidth
                  value={mode}
                  onChange={(value) => setMode(value === "typed" ? "typed" : "drawn")}
                  data={[
                    { value: "drawn", label: t("quotes.portal.signatureDraw") },
                    { value: "typed", label: t("quotes.portal.signatureTypeInstead") },
                  ]}
                />
              </div>
              {/* Kept mounted while typing, so a drawing survives switching back and forth. */}
              <Box style={{ display: mode === "drawn" ? undefined : "none" }}>
                <SignaturePad
                  onChange={(value) => {
                    setSignature(value);
                    if (value) setErrors((prev) => ({ ...prev, signature: undefined }));
                  }}
                  error={errors.signature}
                />
              </Box>
              {mode === "typed" ? (
                <Stack gap={4}>
                  <TextInput
                    label={t("quotes.portal.typedSignature")}
                    description={t("quotes.portal.typedSignatureHelp")}
                    required
                    value={typed}
                    onChange={(e) => {
                      setTyped(e.currentTarget.value);
                      setErrors((prev) => ({ ...prev, typed: undefined }));
                    }}
                    error={errors.typed}
                    maxLength={SIGNATURE_TEXT_MAX}
                    autoComplete="name"
                  />
                  <Box
                    role="img"
                    aria-label={`${t("quotes.portal.typedPreview")}: ${typed.trim()}`}
                    px="md"
                    py="xs"
                    mih={72}
                    style={{
                      background: "white",
                      color: "#222",
                      border: "1px solid var(--mantine-color-default-border)",
                      borderRadius: "var(--mantine-radius-sm)",
                      fontFamily:
                        '"Segoe Script", "Bradley Hand", "Brush Script MT", "Snell Roundhand", cursive',
                      fontStyle: "italic",
                      fontSize: 32,
                      lineHeight: 1.6,
                      overflowWrap: "anywhere",
                    }}
                  >
                    {typed.trim()}
                  </Box>
                </Stack>
              ) : null}
            </Stack>
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
