import { Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { StaffRate } from "../../../shared/contracts/projects.js";
import { api } from "../../ui/api-client.js";
import { ColumnTable, column } from "../../ui/column-table.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { queryKeys } from "../../ui/query-keys.js";
import { useMe } from "../session.js";
import { useCan } from "../team/permissions.js";
import { parseRate, rateToInput } from "./time-form-model.js";

/** The members' hourly rates, which projects billed by staff rate read (owners and admins change them). */
export function StaffRatesCard() {
  const can = useCan();
  return can("team.read") ? <Rates canChange={can("team.manage")} /> : null;
}

function Rates({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const currency = me.data?.org.baseCurrency ?? "EUR";
  const rates = useQuery({
    queryKey: queryKeys.projects.staffRates,
    queryFn: ({ signal }) => api.get("/api/staff-rates", { signal }),
  });
  const columns = [
    column<StaffRate>("name", t("projects.person"), (r) => r.name, { rowHeader: 500 }),
    column<StaffRate>("rate", `${t("projects.hourlyRate")} (${currency})`, (r) => (
      <RateField rate={r} currency={currency} disabled={!canChange} />
    )),
  ];
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("projects.staffRates")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("projects.staffRatesIntro")}
        </Text>
        {rates.isPending ? <PageLoader /> : null}
        {rates.isError ? <ErrorState error={rates.error} onRetry={() => void rates.refetch()} /> : null}
        {rates.data ? (
          <ColumnTable
            columns={columns}
            rows={rates.data}
            rowKey={(r) => r.userId}
            label={t("projects.staffRates")}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

function RateField({ rate, currency, disabled }: { rate: StaffRate; currency: string; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState(rateToInput(rate.hourlyRateMinor, currency, decimalMarkOf(i18n.language)));
  const parsed = parseRate(text, currency);
  const save = useMutation({
    mutationFn: (hourlyRateMinor: number | null) =>
      api.put("/api/staff-rates/:userId", { params: { userId: rate.userId }, body: { hourlyRateMinor } }),
    onSuccess: () => {
      notifyDone(t("common.saved"));
      return client.invalidateQueries({ queryKey: queryKeys.projects.staffRates });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed !== undefined) save.mutate(parsed);
      }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TextInput
          aria-label={t("projects.staffRateOf", { name: rate.name })}
          inputMode="decimal"
          size="xs"
          w={120}
          disabled={disabled}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={parsed === undefined ? t("projects.invalidRate") : null}
        />
        {disabled ? null : (
          <Button
            type="submit"
            size="xs"
            variant="light"
            loading={save.isPending}
            aria-label={`${t("common.save")}: ${rate.name}`}
          >
            {t("common.save")}
          </Button>
        )}
      </Group>
      <ErrorAlert error={save.error} />
    </form>
  );
}
