import { Button, Fieldset, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { FormActions } from "../../ui/form-actions.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { PageHeader } from "../layout/page-header.js";
import { useMe } from "../session.js";
import { ContactFields } from "./contact-fields.js";
import { CustomerFields } from "./customer-fields.js";
import {
  type CustomerFormValues,
  customerRules,
  emptyContact,
  emptyCustomerValues,
  valuesToCreateBody,
} from "./customer-form-model.js";
import { useCreateCustomer } from "./customers-api.js";

export function CustomerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateCustomer();
  const form = useForm<CustomerFormValues>({
    initialValues: emptyCustomerValues(me.data?.org.baseCurrency ?? "EUR"),
    validate: customerRules(t),
  });

  const submit = form.onSubmit((values) =>
    create.mutate(valuesToCreateBody(values), {
      onSuccess: (customer) => {
        notifications.show({ color: "green", message: t("admin.customers.created") });
        navigate(`/customers/${customer.id}`);
      },
      onError: (error) => applyProblemToForm(form, error),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={900}>
        <PageHeader title={t("admin.customers.createTitle")} />
        <CustomerFields form={form} />
        <Fieldset legend={t("admin.contacts.title")}>
          <Stack>
            {form.values.contacts.length === 0 ? <Text c="dimmed">{t("admin.contacts.empty")}</Text> : null}
            {form.values.contacts.map((_, index) => {
              const n = String(index + 1);
              return (
                <Stack key={form.key(`contacts.${index}`)} gap="xs">
                  <Group justify="space-between">
                    <Text fw={600}>{t("admin.contacts.contactN", { n })}</Text>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => form.removeListItem("contacts", index)}
                    >
                      {t("admin.contacts.removeN", { n })}
                    </Button>
                  </Group>
                  <ContactFields
                    suffix={t("admin.contacts.contactN", { n })}
                    inputProps={(field) =>
                      form.getInputProps(`contacts.${index}.${field}`, {
                        type: field === "isPrimary" ? "checkbox" : "input",
                      })
                    }
                  />
                </Stack>
              );
            })}
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  form.insertListItem("contacts", emptyContact(form.values.contacts.length === 0))
                }
              >
                {t("admin.contacts.add")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <FormActions
          error={create.error}
          pending={create.isPending}
          label={t("common.create")}
          onCancel={() => navigate("/customers")}
        />
      </Stack>
    </form>
  );
}
