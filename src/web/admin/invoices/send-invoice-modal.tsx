import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Customer } from "../../../shared/contracts/index.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { useCustomer } from "../customers/customers-api.js";
import { useSendInvoice } from "./invoices-api.js";

interface Props {
  invoiceId: string;
  customerId: string;
  opened: boolean;
  onClose: () => void;
}

export function SendInvoiceModal(props: Props) {
  const { t } = useTranslation();
  const customer = useCustomer(props.opened ? props.customerId : null);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("admin.detail.sendTitle")}>
      {customer.isPending ? <PageLoader /> : null}
      {customer.isError ? (
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />
      ) : null}
      {customer.data ? <SendForm {...props} customer={customer.data} /> : null}
    </Modal>
  );
}

function SendForm(props: Props & { customer: Customer }) {
  const { t } = useTranslation();
  const send = useSendInvoice(props.invoiceId);
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
      <Text size="sm">{t("admin.detail.sendIntro")}</Text>
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
          {t("admin.detail.sendConfirm")}
        </Button>
      </Group>
    </Stack>
  );
}
