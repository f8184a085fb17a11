import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalAppointment, Slot } from "../../../shared/contracts/index.js";
import { addDays, todayIn } from "../../../shared/dates.js";
import { isApiError } from "../../ui/api-client.js";
import { browserTimeZone, timeZoneOptions, useZonedFormat } from "../../ui/appointments/zoned-format.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { useContactMe } from "../portal-api.js";
import { useAppointmentActions, useMyAppointments, useSlots } from "./appointments-api.js";

/**
 * E13: the free slots of a week in the contact's time zone (the browser's, switchable, named), booking
 * with a note, and the customer's appointments to move or cancel.
 */
export function PortalAppointmentsPage() {
  const { t } = useTranslation();
  const me = useContactMe();
  const [zone, setZone] = useState(browserTimeZone);
  const [week, setWeek] = useState(0);
  const [booking, setBooking] = useState<Slot | null>(null);
  const [moving, setMoving] = useState<PortalAppointment | null>(null);
  const [cancelling, setCancelling] = useState<PortalAppointment | null>(null);
  const from = addDays(todayIn(zone, new Date()), week * 7);
  const span = { from, to: addDays(from, 6) };
  const slots = useSlots(span);
  const mine = useMyAppointments();
  const actions = useAppointmentActions();
  const f = useZonedFormat(zone);
  const preview = me.data?.preview ?? false;

  const taken = (error: unknown) => {
    if (isApiError(error, 409) && error.code === "SLOT_TAKEN")
      notifications.show({ color: "orange", message: t("appointments.slotTaken") });
  };
  const pick = (slot: Slot) => {
    if (moving)
      actions.reschedule.mutate(
        { id: moving.id, startsAt: slot.startsAt, timeZone: zone },
        {
          onSuccess: () => {
            setMoving(null);
            notifyDone(t("appointments.moved"));
          },
          onError: taken,
        },
      );
    else setBooking(slot);
  };

  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  const byDay = new Map<string, Slot[]>();
  for (const slot of slots.data?.slots ?? []) {
    const day = f.dateOf(slot.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }

  return (
    <Stack>
      <Title order={1} size="h2">
        {t("appointments.title")}
      </Title>
      <Text c="dimmed">{t("appointments.intro", { org: me.data?.org.name ?? "" })}</Text>
      <Select
        label={t("appointments.zone")}
        description={t("appointments.zoneHelp")}
        maw={360}
        searchable
        data={timeZoneOptions(zone)}
        value={zone}
        onChange={(value) => value && setZone(value)}
        allowDeselect={false}
      />

      <Title order={2} size="h3">
        {t("appointments.mine")}
      </Title>
      {mine.isPending ? <PageLoader /> : null}
      {mine.isError ? <ErrorState error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data?.length === 0 ? <Text c="dimmed">{t("appointments.mineEmpty")}</Text> : null}
      {mine.data && mine.data.length > 0 ? (
        <Stack
          gap="xs"
          aria-label={t("appointments.mine")}
          component="ul"
          style={{ listStyle: "none", padding: 0 }}
        >
          {mine.data.map((a) => (
            <Card key={a.id} withBorder component="li" aria-label={f.full(a.startsAt)}>
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Text fw={600}>{t("appointments.bookAt", { when: f.full(a.startsAt), zone })}</Text>
                  <Text size="sm" c="dimmed">
                    {a.contactName}
                    {a.note ? ` · ${t("appointments.notePrefix", { note: a.note })}` : ""}
                  </Text>
                  {a.status === "cancelled" ? (
                    <Text size="sm" c="dimmed">
                      {a.cancelledBy ? t(`appointments.cancelledBy.${a.cancelledBy}`) : null}
                      {a.cancelReason ? ` · ${a.cancelReason}` : ""}
                    </Text>
                  ) : null}
                </Stack>
                <Group gap="xs">
                  <Badge color={a.status === "booked" ? "green" : "gray"}>
                    {t(`appointments.status.${a.status}`)}
                  </Badge>
                  {a.canChange ? (
                    <>
                      <Button size="xs" variant="light" onClick={() => setMoving(a)}>
                        {t("appointments.reschedule")}
                      </Button>
                      <Button size="xs" variant="light" color="red" onClick={() => setCancelling(a)}>
                        {t("appointments.cancel")}
                      </Button>
                    </>
                  ) : null}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : null}

      <Title order={2} size="h3">
        {t("appointments.freeSlots")}
      </Title>
      {moving ? (
        <Alert color="blue" role="status">
          <Group justify="space-between">
            <Text size="sm">{t("appointments.rescheduling", { when: f.full(moving.startsAt) })}</Text>
            <Button size="xs" variant="subtle" onClick={() => setMoving(null)}>
              {t("appointments.stopRescheduling")}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <ErrorAlert error={actions.reschedule.error} />
      <Group justify="space-between">
        <Button variant="default" disabled={week === 0} onClick={() => setWeek((w) => w - 1)}>
          {t("appointments.previousWeek")}
        </Button>
        <Text fw={500} aria-live="polite">
          {t("appointments.weekOf", { from: f.date(span.from), to: f.date(span.to) })}
        </Text>
        <Button variant="default" onClick={() => setWeek((w) => w + 1)}>
          {t("appointments.nextWeek")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t("appointments.shownIn", { zone })}
      </Text>
      {slots.isPending ? <PageLoader /> : null}
      {slots.isError ? <ErrorState error={slots.error} onRetry={() => void slots.refetch()} /> : null}
      {slots.data && slots.data.slots.length === 0 ? (
        <Text c="dimmed">{t("appointments.noSlots")}</Text>
      ) : null}
      {slots.data && slots.data.slots.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {days.map((day) => {
            const list = byDay.get(day) ?? [];
            const label = f.day(`${day}T12:00:00Z`);
            return (
              <Card key={day} withBorder component="section" aria-label={label}>
                <Text fw={600} mb="xs">
                  {label}
                </Text>
                {list.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("appointments.noSlotsDay")}
                  </Text>
                ) : (
                  <Group gap={6}>
                    {list.map((slot) => (
                      <Button
                        key={slot.startsAt}
                        size="xs"
                        variant="light"
                        disabled={preview}
                        loading={
                          actions.reschedule.isPending &&
                          actions.reschedule.variables?.startsAt === slot.startsAt
                        }
                        aria-label={`${moving ? t("appointments.moveHere") : t("appointments.book")} ${f.full(slot.startsAt)}`}
                        onClick={() => pick(slot)}
                      >
                        {f.time(slot.startsAt)}
                      </Button>
                    ))}
                  </Group>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      ) : null}

      <BookModal slot={booking} zone={zone} onClose={() => setBooking(null)} onTaken={taken} />
      <CancelModal appointment={cancelling} zone={zone} onClose={() => setCancelling(null)} />
    </Stack>
  );
}

function BookModal({
  slot,
  zone,
  onClose,
  onTaken,
}: {
  slot: Slot | null;
  zone: string;
  onClose: () => void;
  onTaken: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const f = useZonedFormat(zone);
  const { book } = useAppointmentActions();
  const [note, setNote] = useState("");
  const close = () => {
    book.reset();
    setNote("");
    onClose();
  };
  return (
    <Modal opened={slot !== null} onClose={close} title={t("appointments.bookTitle")}>
      {slot ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            book.mutate(
              { startsAt: slot.startsAt, note, timeZone: zone },
              {
                onSuccess: () => {
                  notifyDone(t("appointments.booked"));
                  close();
                },
                onError: (error) => {
                  onTaken(error);
                  if (isApiError(error, 409)) close();
                },
              },
            );
          }}
        >
          <Stack>
            <Text fw={600}>{t("appointments.bookAt", { when: f.full(slot.startsAt), zone })}</Text>
            <Textarea
              label={t("appointments.note")}
              description={t("appointments.noteHelp")}
              value={note}
              maxLength={1000}
              autosize
              minRows={3}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <ErrorAlert error={book.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={book.isPending}>
                {t("appointments.book")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

function CancelModal({
  appointment,
  zone,
  onClose,
}: {
  appointment: PortalAppointment | null;
  zone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useZonedFormat(zone);
  const { cancel } = useAppointmentActions();
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
              label={t("appointments.reasonOptional")}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <ErrorAlert error={cancel.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("appointments.keep")}
              </Button>
              <Button type="submit" color="red" loading={cancel.isPending}>
                {t("appointments.confirmCancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
