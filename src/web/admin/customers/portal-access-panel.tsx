import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContactPortalAccess, PortalAccessStatus } from "../../../shared/contracts/index.js";
import { errorMessage } from "../../ui/api-client.js";
import { FormActions } from "../../ui/form-actions.js";
import { useFormat } from "../../ui/format.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { usePortalAccess, usePortalAccessAction, usePreview } from "../portal-access/portal-access-api.js";
import { EnableAccessModal } from "./enable-access-modal.js";

const COLORS: Record<PortalAccessStatus, string> = {
  active: "green",
  invited: "blue",
  disabled: "red",
  none: "gray",
};

export function AccessStatusBadge({ status }: { status: PortalAccessStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`portalAccess.status.${status}`)}
    </Badge>
  );
}

type Confirm = { kind: "disable"; contact: ContactPortalAccess } | { kind: "disableAll" } | null;

/** D1, D3, D4 and C6 for each contact of one customer. */
export function PortalAccessPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const access = usePortalAccess(customerId);
  const action = usePortalAccessAction(customerId);
  const [enabling, setEnabling] = useState<ContactPortalAccess | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);

  // Only an active or invited contact has access to take away ("none" never had it).
  const anyEnabled = access.data?.some((c) => c.status === "active" || c.status === "invited") ?? false;
  const runDisable = () => {
    if (!confirm) return;
    action.mutate(
      confirm.kind === "disable"
        ? { kind: "disable", contactId: confirm.contact.contactId }
        : { kind: "disableAll" },
      {
        onSuccess: () => {
          notifyDone(t("portalAccess.done.disabled"));
          setConfirm(null);
        },
      },
    );
  };

  return (
    <Card withBorder component="section" aria-labelledby="portal-access-title">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={3} id="portal-access-title">
              {t("portalAccess.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("portalAccess.intro")}
            </Text>
          </div>
          {anyEnabled ? (
            <Button variant="subtle" color="red" size="xs" onClick={() => setConfirm({ kind: "disableAll" })}>
              {t("portalAccess.disableAll")}
            </Button>
          ) : null}
        </Group>
        {access.isPending ? <PageLoader /> : null}
        {access.isError ? <ErrorState error={access.error} onRetry={() => void access.refetch()} /> : null}
        {access.data?.length === 0 ? <Text c="dimmed">{t("portalAccess.empty")}</Text> : null}
        {confirm === null && action.error ? <ErrorAlert error={action.error} /> : null}
        {access.data?.map((contact) => (
          <ContactAccessRow
            key={contact.contactId}
            customerId={customerId}
            contact={contact}
            onEnable={() => setEnabling(contact)}
            onDisable={() => setConfirm({ kind: "disable", contact })}
          />
        ))}
      </Stack>
      <EnableAccessModal customerId={customerId} contact={enabling} onClose={() => setEnabling(null)} />
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={
          confirm?.kind === "disable"
            ? t("portalAccess.confirmDisable.title", { name: confirm.contact.name })
            : t("portalAccess.confirmDisable.allTitle")
        }
      >
        <Stack>
          <Text size="sm">
            {confirm?.kind === "disable"
              ? t("portalAccess.confirmDisable.body")
              : t("portalAccess.confirmDisable.allBody")}
          </Text>
          <FormActions
            error={action.error}
            pending={action.isPending}
            label={t("portalAccess.disable")}
            onCancel={() => setConfirm(null)}
            onConfirm={runDisable}
            danger
          />
        </Stack>
      </Modal>
    </Card>
  );
}

function ContactAccessRow({
  customerId,
  contact,
  onEnable,
  onDisable,
}: {
  customerId: string;
  contact: ContactPortalAccess;
  onEnable: () => void;
  onDisable: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const action = usePortalAccessAction(customerId);
  const preview = usePreview(customerId);
  const canEnable = contact.status === "none" || contact.status === "disabled";

  const reinvite = () =>
    action.mutate(
      { kind: "reinvite", contactId: contact.contactId },
      {
        onSuccess: () => notifyDone(t("portalAccess.done.invited", { email: contact.email ?? "" })),
        onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
      },
    );

  // The tab is opened during the click (so pop-up blockers allow it), then pointed at the portal once
  // the server has set the preview cookie.
  const openPreview = () => {
    const tab = window.open("", "_blank");
    preview.mutate(contact.contactId, {
      onSuccess: ({ url }) => {
        if (!tab) {
          notifications.show({ color: "yellow", message: t("portalAccess.previewBlocked") });
          return;
        }
        tab.opener = null;
        tab.location.href = url;
      },
      onError: (error) => {
        tab?.close();
        notifications.show({ color: "red", message: errorMessage(error) });
      },
    });
  };

  const meta = [
    contact.email ?? t("portalAccess.noEmail"),
    contact.lastSignInAt
      ? t("portalAccess.lastSignIn", { date: format.dateTime(contact.lastSignInAt) })
      : contact.status === "invited" && contact.invitedAt
        ? t("portalAccess.invitedOn", { date: format.dateTime(contact.invitedAt) })
        : null,
  ].filter(Boolean);

  return (
    <Group
      justify="space-between"
      wrap="wrap"
      gap="xs"
      py="xs"
      style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
    >
      <Stack gap={2} miw={0} style={{ flex: "1 1 14rem" }}>
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} truncate="end">
            {contact.name}
          </Text>
          <AccessStatusBadge status={contact.status} />
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          {meta.join(" · ")}
        </Text>
      </Stack>
      <Group gap="xs" wrap="wrap">
        {canEnable ? (
          <Button size="xs" onClick={onEnable} disabled={!contact.email}>
            {t("portalAccess.enable")}
          </Button>
        ) : null}
        {/* Only a pending invitation is sent again: an active contact signs in with its password (or
            resets it from the portal's sign-in page), and the API has no sign-in link to send instead. */}
        {contact.status === "invited" ? (
          <Button size="xs" variant="light" loading={action.isPending} onClick={reinvite}>
            {t("portalAccess.reinvite")}
          </Button>
        ) : null}
        {contact.status === "active" || contact.status === "invited" ? (
          <Button size="xs" variant="subtle" color="red" onClick={onDisable}>
            {t("portalAccess.disable")}
          </Button>
        ) : null}
        {contact.status !== "disabled" ? (
          <Button size="xs" variant="default" loading={preview.isPending} onClick={openPreview}>
            {t("portalAccess.preview")}
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}
