import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeamInvitation, TeamMember } from "../../../shared/contracts/team.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { useCan } from "./permissions.js";
import { useChangeRole, useInviteMember, useRevokeInvitation, useSetDisabled, useTeam } from "./team-api.js";

const ROLES = ["owner", "admin", "staff"] as const;
type Role = (typeof ROLES)[number];

function HeadedTable({
  minWidth,
  headers,
  children,
}: {
  minWidth: number;
  headers: string[];
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header} scope="col">
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Settings › Team (issue 12 §3): members, an invitation form and the pending invitations. */
export function TeamPanel() {
  const { t } = useTranslation();
  const team = useTeam();
  const can = useCan();
  return (
    <Stack gap="xl">
      {team.isPending ? <PageLoader /> : null}
      {team.isError ? <ErrorState error={team.error} onRetry={() => void team.refetch()} /> : null}
      {team.data ? <MembersTable members={team.data.members} /> : null}
      {can("team.manage") ? <InviteForm /> : null}
      {team.data ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("team.invitations.title")}
          </Title>
          {team.data.invitations.length === 0 ? (
            <Text c="dimmed">{t("team.invitations.empty")}</Text>
          ) : (
            <InvitationsTable invitations={team.data.invitations} />
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}

function MembersTable({ members }: { members: TeamMember[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const changeRole = useChangeRole();
  const setDisabled = useSetDisabled();
  const [confirming, setConfirming] = useState<TeamMember | null>(null);
  // Owners are an owner's business: an admin sees their rows but cannot change them or make new ones.
  const mayTouch = (m: TeamMember) => can("team.manage") && (m.role !== "owner" || can("ownership.manage"));
  const roleOptions = ROLES.filter((r) => r !== "owner" || can("ownership.manage")).map((r) => ({
    value: r,
    label: t(`team.roles.${r}`),
  }));
  const onRole = (m: TeamMember, role: Role) =>
    changeRole.mutate(
      { userId: m.userId, role },
      { onSuccess: () => notifications.show({ message: t("team.members.roleChanged"), color: "green" }) },
    );
  const toggle = (m: TeamMember, disabled: boolean) =>
    setDisabled.mutate(
      { userId: m.userId, disabled },
      {
        onSuccess: () =>
          notifications.show({
            message: t(disabled ? "team.members.disabled" : "team.members.enabled"),
            color: "green",
          }),
        onSettled: () => setConfirming(null),
      },
    );

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("team.members.title")}
      </Title>
      <ErrorAlert error={changeRole.error ?? setDisabled.error} />
      <HeadedTable
        minWidth={640}
        headers={[
          t("team.members.name"),
          t("team.members.email"),
          t("team.members.role"),
          t("team.members.lastSignIn"),
          t("team.members.status"),
          t("common.actions"),
        ]}
      >
        {members.map((m) => (
          <Table.Tr key={m.userId}>
            <Table.Td>
              {m.name}
              {m.isYou ? ` (${t("team.members.you")})` : ""}
            </Table.Td>
            <Table.Td>{m.email}</Table.Td>
            <Table.Td>
              {mayTouch(m) ? (
                <Select
                  aria-label={`${t("team.members.role")}: ${m.name}`}
                  data={roleOptions}
                  value={m.role}
                  allowDeselect={false}
                  onChange={(value) => value && value !== m.role && onRole(m, value as Role)}
                  w={170}
                />
              ) : (
                t(`team.roles.${m.role}`)
              )}
            </Table.Td>
            <Table.Td>{m.lastSignInAt ? f.dateTime(m.lastSignInAt) : t("team.members.never")}</Table.Td>
            <Table.Td>
              <Badge color={m.status === "active" ? "green" : "gray"}>{t(`team.status.${m.status}`)}</Badge>
            </Table.Td>
            <Table.Td>
              {mayTouch(m) && !m.isYou ? (
                m.status === "active" ? (
                  <Button size="xs" variant="light" color="red" onClick={() => setConfirming(m)}>
                    {t("team.members.disable")}
                  </Button>
                ) : (
                  <Button size="xs" variant="light" onClick={() => toggle(m, false)}>
                    {t("team.members.enable")}
                  </Button>
                )
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </HeadedTable>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t("team.members.disable")}
      >
        <Stack>
          <Text>{t("team.members.confirmDisable", { name: confirming?.name ?? "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={setDisabled.isPending}
              onClick={() => confirming && toggle(confirming, true)}
            >
              {t("team.members.disable")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const can = useCan();
  const invite = useInviteMember();
  const form = useForm({
    initialValues: { email: "", role: "staff" as Role },
    validate: { email: (v) => (v.trim() ? null : t("errors.required")) },
  });
  const submit = form.onSubmit((values) =>
    invite.mutate(
      { email: values.email.trim(), role: values.role },
      {
        onSuccess: (created) => {
          notifications.show({ message: t("team.invite.sent", { email: created.email }), color: "green" });
          form.reset();
        },
        onError: (error) => applyProblemToForm(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" maw={520}>
        <Title order={2} size="h4">
          {t("team.invite.title")}
        </Title>
        <ErrorAlert error={invite.error} />
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t("team.invite.email")}
            type="email"
            required
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps("email")}
          />
          <Select
            label={t("team.invite.role")}
            data={ROLES.filter((r) => r !== "owner" || can("ownership.manage")).map((r) => ({
              value: r,
              label: t(`team.roles.${r}`),
            }))}
            allowDeselect={false}
            w={170}
            {...form.getInputProps("role")}
          />
          <Button type="submit" loading={invite.isPending}>
            {t("team.invite.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InvitationsTable({ invitations }: { invitations: TeamInvitation[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const revoke = useRevokeInvitation();
  return (
    <>
      <ErrorAlert error={revoke.error} />
      <HeadedTable
        minWidth={560}
        headers={[
          t("team.invite.email"),
          t("team.invite.role"),
          t("team.invitations.invitedBy"),
          t("team.invitations.expires"),
          t("common.actions"),
        ]}
      >
        {invitations.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{i.email}</Table.Td>
            <Table.Td>{t(`team.roles.${i.role}`)}</Table.Td>
            <Table.Td>{i.invitedByName}</Table.Td>
            <Table.Td>{f.dateTime(i.expiresAt)}</Table.Td>
            <Table.Td>
              {can("team.manage") ? (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  loading={revoke.isPending && revoke.variables === i.id}
                  onClick={() =>
                    revoke.mutate(i.id, {
                      onSuccess: () => notifications.show({ message: t("team.invitations.revoked") }),
                    })
                  }
                >
                  {t("team.invitations.revoke")}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </HeadedTable>
    </>
  );
}
