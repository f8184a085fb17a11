import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Appointment,
  type AppointmentStatus,
  appointmentStatus,
} from "../../../shared/contracts/index.js";
import { addDays, todayIn } from "../../../shared/dates.js";
import { weekdayIndex } from "../../../shared/zoned-time.js";
import { useZonedFormat } from "../../ui/appointments/zoned-format.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { PageHeader } from "../layout/page-header.js";
import { useAppointments, useAvailability, useCancelAppointment } from "./appointments-api.js";

/** A16: the week's bookings as a list or a calendar, in the zone of the availability; cancel with a reason. */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const availability = useAvailability();
  if (availability.isPending) return <PageLoader />;
  if (availability.isError)
    return <ErrorState error={availability.error} onRetry={() => void availability.refetch()} />;
  return <Bookings zone={availability.data.timeZone} title={t("appointments.title")} />;
}

function Bookings({ zone, title }: { zone: string; title: string }) {
  const { t } = useTranslation();
  const f = useZonedFormat(zone);
  const today = todayIn(zone, new Date());
  const monday = addDays(today, -weekdayIndex(today));
  const [week, setWeek] = useState(0);
  const [view, setView] = useState<"list" | "calendar">("list");
  const [status, setStatus] = useState<AppointmentStatus | "">("");
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const from = addDays(monday, week * 7);
  const span = { from, to: addDays(from, 6) };
  const list = useAppointments(status ? { ...span, status } : span);
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));

  return (
    <Stack>
      <PageHeader title={title} />
      <Text c="dimmed">{t("appointments.adminIntro")}</Text>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" onClick={() => setWeek((w) => w - 1)}>
            {t("appointments.previousWeek")}
          </Button>
          <Button variant="default" onClick={() => setWeek((w) => w + 1)}>
            {t("appointments.nextWeek")}
          </Button>
        </Group>
        <Text fw={500} aria-live="polite">
          {t("appointments.weekOf", { from: f.date(span.from), to: f.date(span.to) })}
        </Text>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as "list" | "calendar")}
          data={[
            { value: "list", label: t("appointments.list") },
            { value: "calendar", label: t("appointments.calendar") },
          ]}
        />
      </Group>
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed">
          {t("appointments.shownIn", { zone })}
        </Text>
        <Select
          label={t("appointments.statusLabel")}
          data={[
            { value: "", label: t("common.all") },
            ...appointmentStatus.options.map((s) => ({ value: s, label: t(`appointments.status.${s}`) })),
          ]}
          value={status}
          onChange={(v) => setStatus((v ?? "") as AppointmentStatus | "")}
          allowDeselect={false}
          w={180}
        />
      </Group>
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.length === 0 ? <Text c="dimmed">{t("appointments.empty")}</Text> : null}
      {list.data && list.data.length > 0 && view === "list" ? (
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("appointments.when")}</Table.Th>
              <Table.Th>{t("appointments.customer")}</Table.Th>
              <Table.Th>{t("appointments.contact")}</Table.Th>
              <Table.Th>{t("appointments.statusLabel")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t("appointments.cancel")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {f.full(a.startsAt)}
                  {a.note ? (
                    <Text size="xs" c="dimmed">
                      {t("appointments.notePrefix", { note: a.note })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{a.customerName}</Table.Td>
                <Table.Td>{a.contactName}</Table.Td>
                <Table.Td>
                  <Status a={a} />
                </Table.Td>
                <Table.Td>
                  <CancelButton a={a} onClick={() => setCancelling(a)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {list.data && list.data.length > 0 && view === "calendar" ? (
        <SimpleGrid cols={{ base: 1, sm: 4, lg: 7 }} spacing="xs">
          {days.map((day) => {
            const label = f.day(`${day}T12:00:00Z`);
            const items = list.data.filter((a) => f.dateOf(a.startsAt) === day);
            return (
              <Card key={day} withBorder padding="xs" component="section" aria-label={label}>
                <Text fw={600} size="sm" mb={4}>
                  {label}
                </Text>
                <Stack gap={4}>
                  {items.map((a) => (
                    <Card key={a.id} padding={6} bg={a.status === "booked" ? "blue.0" : "gray.1"}>
                      <Text size="sm" fw={600} td={a.status === "cancelled" ? "line-through" : undefined}>
                        {f.time(a.startsAt)}–{f.time(a.endsAt)}
                      </Text>
                      <Text size="xs">{a.customerName}</Text>
                      <CancelButton a={a} onClick={() => setCancelling(a)} />
                    </Card>
                  ))}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      ) : null}
      <CancelModal appointment={cancelling} zone={zone} onClose={() => setCancelling(null)} />
    </Stack>
  );
}

function Status({ a }: { a: Appointment }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Badge color={a.status === "booked" ? "green" : "gray"}>{t(`appointments.status.${a.status}`)}</Badge>
      {a.cancelledBy ? (
        <Text size="xs" c="dimmed">
          {t(`appointments.cancelledBy.${a.cancelledBy}`)}
          {a.cancelReason ? ` · ${a.cancelReason}` : ""}
        </Text>
      ) : null}
    </Stack>
  );
}

function CancelButton({ a, onClick }: { a: Appointment; onClick: () => void }) {
  const { t } = useTranslation();
  if (a.status !== "booked" || Date.parse(a.startsAt) <= Date.now()) return null;
  return (
    <Button size="compact-xs" variant="subtle" color="red" onClick={onClick}>
      {t("appointments.cancel")}
    </Button>
  );
}

function CancelModal({
  appointment,
  zone,
  onClose,
}: {
  appointment: Appointment | null;
  zone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useZonedFormat(zone);
  const cancel = useCancelAppointment();
  const [reason, setReason] = useState("");
  const close = () => {
    cancel.reset();
    setReason("");
    onClose();
  };
  return (
    <Modal
      opened={appointment !== null}
      onClose={close}
      title={appointment ? t("appointments.cancelTitle", { when: f.full(appointment.startsAt) }) : ""}
    >
      {appointment ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate(
              { id: appointment.id, reason },
              {
                onSuccess: () => {
                  notifyDone(t("appointments.cancelled"));
                  close();
                },
              },
            );
          }}
        >
          <Stack>
            <Textarea
              label={t("appointments.reason")}
              required
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <ErrorAlert error={cancel.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("appointments.keep")}
              </Button>
              <Button type="submit" color="red" loading={cancel.isPending} disabled={!reason.trim()}>
                {t("appointments.confirmCancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
