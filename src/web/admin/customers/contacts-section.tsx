import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Contact, Customer } from "../../../shared/contracts/index.js";
import { FormActions } from "../../ui/form-actions.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ContactFields } from "./contact-fields.js";
import { type ContactFormValues, contactRules, contactToBody, emptyContact } from "./customer-form-model.js";
import { useAddContact, useRemoveContact, useUpdateContact } from "./customers-api.js";

/**
 * The customer's contacts. Whether each may sign in to the portal is shown once, by the portal access
 * panel's status badge (issue 10: a "Yes" here contradicted its "No access").
 * `readOnly` for an archived customer: its contacts are shown, not changed.
 */
export function ContactsSection({ customer, readOnly = false }: { customer: Customer; readOnly?: boolean }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<Contact | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="contacts-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="contacts-title">
          {t("admin.contacts.title")}
        </Title>
        {readOnly ? null : (
          <Button variant="light" onClick={open}>
            {t("admin.contacts.add")}
          </Button>
        )}
      </Group>
      {customer.contacts.length === 0 ? (
        <Text c="dimmed">{t("admin.contacts.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("admin.contacts.name")}</Table.Th>
                <Table.Th scope="col">{t("admin.contacts.email")}</Table.Th>
                <Table.Th scope="col">{t("admin.contacts.phone")}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customer.contacts.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    <Group gap="xs">
                      {contact.name}
                      {contact.isPrimary ? <Badge size="sm">{t("admin.contacts.primary")}</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{contact.email ?? t("common.none")}</Table.Td>
                  <Table.Td>{contact.phone ?? t("common.none")}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap" hidden={readOnly}>
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={t("customerRecords.contacts.editLabel", { name: contact.name })}
                        onClick={() => setEditing(contact)}
                      >
                        {t("customerRecords.contacts.edit")}
                      </Button>
                      {customer.contacts.length > 1 ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={t("customerRecords.contacts.removeLabel", { name: contact.name })}
                          onClick={() => setRemoving(contact)}
                        >
                          {t("customerRecords.contacts.remove")}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={opened} onClose={close} title={t("admin.contacts.add")}>
        {opened ? (
          <AddContactForm customerId={customer.id} isFirst={customer.contacts.length === 0} onDone={close} />
        ) : null}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t("customerRecords.contacts.editTitle", { name: editing?.name ?? "" })}
      >
        {editing ? (
          <EditContactForm customerId={customer.id} contact={editing} onDone={() => setEditing(null)} />
        ) : null}
      </Modal>
      <RemoveContactDialog customerId={customer.id} contact={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
}

type EditContactValues = ContactFormValues & { language: "" | "es" | "en" };

/** Name, email, phone, language and primary; the primary stays primary until another one is chosen. */
function EditContactForm(props: { customerId: string; contact: Contact; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateContact(props.customerId);
  const { contact } = props;
  const form = useForm<EditContactValues>({
    initialValues: {
      name: contact.name,
      email: contact.email ?? "",
      phone: contact.phone ?? "",
      isPrimary: contact.isPrimary,
      language: contact.language ?? "",
    },
    validate: contactRules(t),
  });
  const submit = form.onSubmit((values) =>
    update.mutate(
      {
        contactId: contact.id,
        body: { ...contactToBody(values), language: values.language || null },
      },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("customerRecords.contacts.saved") });
          props.onDone();
        },
        onError: (error) => applyProblemToForm(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ContactFields
          inputProps={(field) => ({
            ...form.getInputProps(field, { type: field === "isPrimary" ? "checkbox" : "input" }),
            ...(field === "isPrimary" && contact.isPrimary ? { disabled: true } : {}),
          })}
        />
        <Select
          label={t("customerRecords.contacts.language")}
          data={[
            { value: "", label: t("customerRecords.contacts.languageDefault") },
            { value: "es", label: "Español" },
            { value: "en", label: "English" },
          ]}
          allowDeselect={false}
          {...form.getInputProps("language")}
        />
        {contact.email ? (
          <Text size="sm" c="dimmed">
            {t("customerRecords.contacts.emailChangeNote")}
          </Text>
        ) : null}
        <FormActions error={update.error} pending={update.isPending} onCancel={props.onDone} />
      </Stack>
    </form>
  );
}

function RemoveContactDialog(props: { customerId: string; contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveContact(props.customerId);
  const close = () => {
    remove.reset();
    props.onClose();
  };
  const run = () => {
    if (!props.contact) return;
    remove.mutate(props.contact.id, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("customerRecords.contacts.removed") });
        close();
      },
    });
  };
  return (
    <Modal
      opened={props.contact !== null}
      onClose={close}
      title={t("customerRecords.contacts.confirmRemove.title", { name: props.contact?.name ?? "" })}
    >
      <Stack>
        <Text size="sm">{t("customerRecords.contacts.confirmRemove.body")}</Text>
        <FormActions
          error={remove.error}
          pending={remove.isPending}
          label={t("customerRecords.contacts.confirmRemove.confirm")}
          onCancel={close}
          onConfirm={run}
          danger
        />
      </Stack>
    </Modal>
  );
}

function AddContactForm(props: { customerId: string; isFirst: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddContact(props.customerId);
  const form = useForm<ContactFormValues>({
    initialValues: emptyContact(props.isFirst),
    validate: contactRules(t),
  });
  const submit = form.onSubmit((values) =>
    add.mutate(contactToBody(values), {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("admin.contacts.added") });
        props.onDone();
      },
      onError: (error) => applyProblemToForm(form, error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ContactFields
          inputProps={(field) =>
            form.getInputProps(field, { type: field === "isPrimary" ? "checkbox" : "input" })
          }
        />
        <FormActions
          error={add.error}
          pending={add.isPending}
          label={t("common.add")}
          onCancel={props.onDone}
        />
      </Stack>
    </form>
  );
}
