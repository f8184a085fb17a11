import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Customer } from "../../../shared/contracts/index.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { useCustomer } from "../customers/customers-api.js";
import { type SendResult, useSendInvoice } from "./invoices-api.js";

interface Props {
  invoiceId: string;
  customerId: string;
  opened: boolean;
  onClose: () => void;
}

export function SendInvoiceModal({ invoiceId, ...props }: Props) {
  const { t } = useTranslation();
  const send = useSendInvoice(invoiceId);
  return (
    <SendDocumentModal
      {...props}
      send={send}
      title={t("admin.detail.sendTitle")}
      intro={t("admin.detail.sendIntro")}
      confirmLabel={t("admin.detail.sendConfirm")}
    />
  );
}

interface SendDocumentProps {
  customerId: string;
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The sentence above the contacts: what sending does to this kind of document. */
  intro: string;
  confirmLabel: string;
  /** The send mutation of the document (invoice, quote): it takes the chosen contacts' ids. */
  send: {
    mutate: (contactIds: string[], options: { onSuccess: (result: SendResult) => void }) => void;
    isPending: boolean;
    error: unknown;
  };
}

/** Picks the customer's contacts with an email and sends them a document. */
export function SendDocumentModal(props: SendDocumentProps) {
  const customer = useCustomer(props.opened ? props.customerId : null);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      {customer.isPending ? <PageLoader /> : null}
      {customer.isError ? (
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />
      ) : null}
      {customer.data ? <SendForm {...props} customer={customer.data} /> : null}
    </Modal>
  );
}

function SendForm(props: SendDocumentProps & { customer: Customer }) {
  const { t } = useTranslation();
  const send = props.send;
  const withEmail = props.customer.contacts.filter((contact) => contact.email);
  const [selected, setSelected] = useState<string[]>(() => withEmail.map((contact) => contact.id));

  if (withEmail.length === 0) {
    return (
      <Stack>
        <Alert color="yellow">{t("admin.detail.sendNoContacts")}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t("common.close")}
          </Button>
        </Group>
      </Stack>
    );
  }

  const confirm = () =>
    send.mutate(selected, {
      onSuccess: (result) => {
        const emails = result.recipients.map((r) => r.email).join(", ");
        notifications.show({ color: "green", message: t("admin.detail.sentTo", { emails }) });
        props.onClose();
      },
    });

  return (
    <Stack>
      <Text size="sm">{props.intro}</Text>
      <Checkbox.Group value={selected} onChange={setSelected} label={t("admin.contacts.title")}>
        <Stack gap="xs" mt="xs">
          {withEmail.map((contact) => (
            <Checkbox key={contact.id} value={contact.id} label={`${contact.name} <${contact.email}>`} />
          ))}
        </Stack>
      </Checkbox.Group>
      <ErrorAlert error={send.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t("common.cancel")}
        </Button>
        <Button onClick={confirm} loading={send.isPending} disabled={selected.length === 0}>
          {props.confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
