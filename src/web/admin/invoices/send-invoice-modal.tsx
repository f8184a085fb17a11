import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Customer } from "../../../shared/contracts/index.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { useCustomer } from "../customers/customers-api.js";
import { IssueDateOffer } from "../issue-dates/issue-date-offer.js";
import { issueDateRefusal } from "../issue-dates/issue-date-refusal.js";
import { type SendResult, type SendVariables, useSendInvoice } from "./invoices-api.js";

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
      issueDates={{ document: "invoice", editHref: `/invoices/${invoiceId}/edit` }}
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
  /** The send mutation of the document (invoice, quote): the chosen contacts' ids, and a date to issue with. */
  send: {
    mutate: (variables: SendVariables, options: { onSuccess: (result: SendResult) => void }) => void;
    reset: () => void;
    isPending: boolean;
    error: unknown;
  };
  /** Sending a draft issues it: where a refused date offers "send dated today" instead. */
  issueDates?: { document: "invoice" | "quote"; editHref: string };
  /** A kind's own wording where the invoice's does not fit (a sales order's gender in Spanish). */
  noContacts?: string;
  sentMessage?: (emails: string) => string;
}

/** Picks the customer's contacts with an email and sends them a document. */
export function SendDocumentModal({ onClose, ...rest }: SendDocumentProps) {
  // A refusal belongs to one attempt: opening the dialog again starts afresh.
  const close = () => {
    rest.send.reset();
    onClose();
  };
  const props = { ...rest, onClose: close };
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
        <Alert color="yellow">{props.noContacts ?? t("admin.detail.sendNoContacts")}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t("common.close")}
          </Button>
        </Group>
      </Stack>
    );
  }

  const dateRefusal = props.issueDates ? issueDateRefusal(send.error) : null;
  const confirm = (dates?: SendVariables["dates"]) =>
    send.mutate(dates ? { contactIds: selected, dates } : { contactIds: selected }, {
      onSuccess: (result) => {
        const emails = result.recipients.map((r) => r.email).join(", ");
        const message = props.sentMessage?.(emails) ?? t("admin.detail.sentTo", { emails });
        notifications.show({ color: "green", message });
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
      {dateRefusal && props.issueDates ? (
        <IssueDateOffer
          refusal={dateRefusal}
          document={props.issueDates.document}
          action="send"
          editHref={props.issueDates.editHref}
          pending={send.isPending}
          onUseToday={() => confirm({ useToday: true })}
          onEdit={props.onClose}
        />
      ) : (
        <ErrorAlert error={send.error} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t("common.cancel")}
        </Button>
        {dateRefusal ? null : (
          <Button onClick={() => confirm()} loading={send.isPending} disabled={selected.length === 0}>
            {props.confirmLabel}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
