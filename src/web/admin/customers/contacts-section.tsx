import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Customer } from "../../../shared/contracts/index.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { ContactFields } from "./contact-fields.js";
import { type ContactFormValues, contactRules, contactToBody, emptyContact } from "./customer-form-model.js";
import { useAddContact } from "./customers-api.js";

/**
 * The customer's contacts. Whether each may sign in to the portal is shown once, by the portal access
 * panel's status badge (issue 10: a "Yes" here contradicted its "No access").
 */
export function ContactsSection({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Card withBorder component="section" aria-labelledby="contacts-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="contacts-title">
          {t("admin.contacts.title")}
        </Title>
        <Button variant="light" onClick={open}>
          {t("admin.contacts.add")}
        </Button>
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
    </Card>
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
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t("common.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
