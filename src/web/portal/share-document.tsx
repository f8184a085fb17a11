import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ShareDocumentBody } from "../../shared/contracts/index.js";
import { ApiError } from "../ui/api-client.js";
import { fieldErrorText } from "../ui/field-error-text.js";
import { ErrorAlert } from "../ui/page-states.js";
import { portal } from "./slug.js";

export interface ShareDocumentProps {
  documentType: "quote" | "invoice" | "sales_order";
  documentId: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** E14: "Share" and its modal: the person gets a link by email and becomes a contact of the customer. */
const SEGMENTS = { quote: "quotes", invoice: "invoices", sales_order: "sales-orders" } as const;

export function ShareDocument({ documentType, documentId }: ShareDocumentProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<{ name?: string; email?: string }>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const share = useMutation({
    mutationFn: (body: ShareDocumentBody) =>
      portal.post(`/api/portal/:slug/${SEGMENTS[documentType]}/:id/share`, {
        params: { id: documentId },
        body,
      }),
    onSuccess: (_r, body) => {
      setSentTo(body.email);
      setName("");
      setEmail("");
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const next: { name?: string; email?: string } = {};
      for (const f of error.fieldErrors) {
        if (f.field === "body.name") next.name = fieldErrorText(f, error);
        if (f.field === "body.email") next.email = t("comments.share.invalidEmail");
      }
      setErrors(next);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: { name?: string; email?: string } = {};
    if (!name.trim()) next.name = t("comments.required");
    if (!EMAIL.test(email.trim())) next.email = t("comments.share.invalidEmail");
    setErrors(next);
    if (next.name || next.email) return;
    setSentTo(null);
    share.mutate({ name: name.trim(), email: email.trim() });
  };
  const fieldProblem = share.error instanceof ApiError && share.error.fieldErrors.length > 0;
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setSentTo(null);
          share.reset();
          setOpened(true);
        }}
      >
        {t("comments.share.button")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("comments.share.title")}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {sentTo ? (
              <Alert color="teal" variant="light" role="status">
                {t("comments.share.done", { email: sentTo })}
              </Alert>
            ) : null}
            <Text size="sm">{t("comments.share.intro")}</Text>
            <TextInput
              label={t("comments.share.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maxLength={200}
              required
              data-autofocus
            />
            <TextInput
              label={t("comments.share.email")}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              required
            />
            {share.error && !fieldProblem ? <ErrorAlert error={share.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t("comments.share.cancel")}
              </Button>
              <Button type="submit" loading={share.isPending}>
                {t("comments.share.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
