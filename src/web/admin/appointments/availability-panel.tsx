import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AvailabilitySettings, type TimeRange, WEEKDAYS } from "../../../shared/contracts/index.js";
import { ApiError } from "../../ui/api-client.js";
import { timeZoneOptions } from "../../ui/appointments/zoned-format.js";
import { fieldErrorText } from "../../ui/field-error-text.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { useAvailability, useUpdateAvailability } from "./appointments-api.js";

/** Settings › Appointments (issue 16 §3, A16): when customers can book. */
export function AvailabilityPanel() {
  const availability = useAvailability();
  if (availability.isPending) return <PageLoader />;
  if (availability.isError)
    return <ErrorState error={availability.error} onRetry={() => void availability.refetch()} />;
  return <AvailabilityForm initial={availability.data} />;
}

function AvailabilityForm({ initial }: { initial: AvailabilitySettings }) {
  const { t } = useTranslation();
  const update = useUpdateAvailability();
  const [value, setValue] = useState<AvailabilitySettings>(initial);
  const errorOf = (field: string): string | undefined => {
    const error = update.error;
    if (!(error instanceof ApiError)) return undefined;
    const found = error.fieldErrors.find(
      (f) => f.field === `body.${field}` || f.field.startsWith(`body.${field}.`),
    );
    return found ? fieldErrorText(found, error) : undefined;
  };
  const number = (
    key: "slotMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes" | "minNoticeMinutes" | "horizonDays",
  ) =>
    ({
      value: value[key],
      error: errorOf(key),
      onChange: (v: string | number) => setValue((s) => ({ ...s, [key]: typeof v === "number" ? v : 0 })),
      allowDecimal: false,
      min: 0,
    }) as const;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(value, { onSuccess: () => notifyDone(t("common.saved")) });
      }}
    >
      <Stack maw={720}>
        <Text size="sm" c="dimmed">
          {t("appointments.settingsIntro")}
        </Text>
        <Select
          label={t("appointments.timeZone")}
          searchable
          data={timeZoneOptions(value.timeZone)}
          value={value.timeZone}
          error={errorOf("timeZone")}
          onChange={(v) => v && setValue((s) => ({ ...s, timeZone: v }))}
          allowDeselect={false}
        />
        <Group grow align="flex-start">
          <NumberInput label={t("appointments.slotMinutes")} {...number("slotMinutes")} />
          <NumberInput label={t("appointments.bufferBefore")} {...number("bufferBeforeMinutes")} />
          <NumberInput label={t("appointments.bufferAfter")} {...number("bufferAfterMinutes")} />
        </Group>
        <Group grow align="flex-start">
          <NumberInput label={t("appointments.minNotice")} {...number("minNoticeMinutes")} />
          <NumberInput label={t("appointments.horizon")} {...number("horizonDays")} />
        </Group>
        <Fieldset legend={t("appointments.weekly")}>
          <Stack gap="xs">
            {WEEKDAYS.map((day) => (
              <Ranges
                key={day}
                label={t(`appointments.weekdays.${day}`)}
                ranges={value.weekly[day]}
                error={errorOf(`weekly.${day}`)}
                onChange={(ranges) => setValue((s) => ({ ...s, weekly: { ...s.weekly, [day]: ranges } }))}
              />
            ))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t("appointments.daysOff")}>
          <Stack gap="xs">
            {value.daysOff.map((date, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row has no identity but its place; its values are edited in place
              <Group key={`${date}-${i}`} gap="xs">
                <TextInput
                  type="date"
                  aria-label={t("appointments.date")}
                  value={date}
                  onChange={(e) => {
                    const next = e.currentTarget.value;
                    setValue((s) => ({ ...s, daysOff: s.daysOff.map((d, j) => (j === i ? next : d)) }));
                  }}
                />
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => setValue((s) => ({ ...s, daysOff: s.daysOff.filter((_, j) => j !== i) }))}
                >
                  {t("appointments.remove")}
                </Button>
              </Group>
            ))}
            {errorOf("daysOff") ? (
              <Text c="red" size="sm">
                {errorOf("daysOff")}
              </Text>
            ) : null}
            <Button
              variant="light"
              w="fit-content"
              onClick={() =>
                setValue((s) => ({ ...s, daysOff: [...s.daysOff, new Date().toISOString().slice(0, 10)] }))
              }
            >
              {t("appointments.addDayOff")}
            </Button>
          </Stack>
        </Fieldset>
        <Fieldset legend={t("appointments.overrides")}>
          <Stack gap="sm">
            {value.overrides.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row has no identity but its place; its values are edited in place
              <Stack key={`${o.date}-${i}`} gap={4}>
                <Group gap="xs">
                  <TextInput
                    type="date"
                    aria-label={t("appointments.date")}
                    value={o.date}
                    onChange={(e) => {
                      const next = e.currentTarget.value;
                      setValue((s) => ({
                        ...s,
                        overrides: s.overrides.map((x, j) => (j === i ? { ...x, date: next } : x)),
                      }));
                    }}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      setValue((s) => ({ ...s, overrides: s.overrides.filter((_, j) => j !== i) }))
                    }
                  >
                    {t("appointments.remove")}
                  </Button>
                </Group>
                <Ranges
                  label={o.date}
                  ranges={o.ranges}
                  error={errorOf(`overrides.${i}`)}
                  onChange={(ranges) =>
                    setValue((s) => ({
                      ...s,
                      overrides: s.overrides.map((x, j) => (j === i ? { ...x, ranges } : x)),
                    }))
                  }
                />
              </Stack>
            ))}
            {errorOf("overrides") ? (
              <Text c="red" size="sm">
                {errorOf("overrides")}
              </Text>
            ) : null}
            <Button
              variant="light"
              w="fit-content"
              onClick={() =>
                setValue((s) => ({
                  ...s,
                  overrides: [...s.overrides, { date: new Date().toISOString().slice(0, 10), ranges: [] }],
                }))
              }
            >
              {t("appointments.addOverride")}
            </Button>
          </Stack>
        </Fieldset>
        <ErrorAlert error={update.error} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Ranges({
  label,
  ranges,
  error,
  onChange,
}: {
  label: string;
  ranges: TimeRange[];
  error?: string;
  onChange: (ranges: TimeRange[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-start" wrap="wrap" role="group" aria-label={label}>
      <Text w={110} size="sm" fw={500} pt={6}>
        {label}
      </Text>
      <Stack gap={4}>
        {ranges.length === 0 ? (
          <Text size="sm" c="dimmed" pt={6}>
            {t("appointments.closed")}
          </Text>
        ) : null}
        {ranges.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row has no identity but its place; its values are edited in place
          <Group key={`${i}-${r.start}`} gap={4}>
            <TextInput
              type="time"
              aria-label={`${label} ${t("appointments.from")}`}
              value={r.start}
              onChange={(e) => {
                const start = e.currentTarget.value;
                onChange(ranges.map((x, j) => (j === i ? { ...x, start } : x)));
              }}
            />
            <TextInput
              aria-label={`${label} ${t("appointments.to")}`}
              value={r.end}
              placeholder="HH:MM"
              onChange={(e) => {
                const end = e.currentTarget.value;
                onChange(ranges.map((x, j) => (j === i ? { ...x, end } : x)));
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`${t("appointments.removeRange")} ${label}`}
              onClick={() => onChange(ranges.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {error ? (
          <Text c="red" size="sm">
            {error}
          </Text>
        ) : null}
      </Stack>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => onChange([...ranges, { start: "09:00", end: "13:00" }])}
        aria-label={`${t("appointments.addRange")} ${label}`}
      >
        {t("appointments.addRange")}
      </Button>
    </Group>
  );
}
