import { Button, Menu, Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { StaffMe } from "../../../shared/contracts/index.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { OrganisationFields } from "./organisation-fields.js";
import {
  useAddOrganisation,
  useAuthOptions,
  useStaffOrganisations,
  useSwitchOrganisation,
} from "./signup-api.js";
import { initialOrganisationValues, type OrganisationValues, toOrganisationBody } from "./signup-model.js";

/**
 * The header's organisation menu: switch (offered with two organisations or more) and add one. Either
 * starts a session in the other organisation, drops every cached query and goes to the dashboard.
 */
export function OrganisationSwitcher({ orgName }: { orgName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organisations = useStaffOrganisations();
  const options = useAuthOptions();
  const switchTo = useSwitchOrganisation();
  const [adding, { open, close }] = useDisclosure(false);
  const others = (organisations.data ?? []).filter((o) => !o.current);
  const canAdd = options.data?.signupOpen === true;
  const entered = (me: StaffMe) => {
    notifications.show({ message: t("signup.switcher.switched", { name: me.org.name }) });
    navigate("/", { replace: true });
  };

  if (others.length === 0 && !canAdd)
    return (
      <Text fw={700} truncate="end">
        {orgName}
      </Text>
    );
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            color="dark"
            px="xs"
            fw={700}
            aria-label={`${t("signup.switcher.label")}: ${orgName}`}
          >
            {orgName}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {others.length > 0 ? (
            <>
              <Menu.Label>{t("signup.switcher.label")}</Menu.Label>
              {others.map((org) => (
                <Menu.Item
                  key={org.id}
                  aria-label={t("signup.switcher.switchTo", { name: org.name })}
                  onClick={() => switchTo.mutate({ orgId: org.id }, { onSuccess: entered })}
                >
                  {org.name}
                </Menu.Item>
              ))}
            </>
          ) : null}
          {canAdd ? (
            <>
              {others.length > 0 ? <Menu.Divider /> : null}
              <Menu.Item onClick={open}>{t("signup.switcher.add")}</Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={adding} onClose={close} title={t("signup.add.title")}>
        {adding ? (
          <AddOrganisationForm
            onDone={(me) => {
              close();
              entered(me);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

function AddOrganisationForm({ onDone }: { onDone: (me: StaffMe) => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddOrganisation();
  const required = (v: string) => (v.trim() ? null : t("errors.required"));
  const form = useForm<OrganisationValues>({
    initialValues: initialOrganisationValues(i18n.language || "es"),
    validate: { organisationName: required, slug: required },
  });
  const submit = form.onSubmit((values) =>
    add.mutate(toOrganisationBody(values), {
      onSuccess: onDone,
      onError: (error) => applyProblemToForm(form, error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("signup.add.intro")}</Text>
        <ErrorAlert error={add.error} />
        <OrganisationFields form={form} />
        <Button type="submit" loading={add.isPending}>
          {t("signup.add.submit")}
        </Button>
      </Stack>
    </form>
  );
}
