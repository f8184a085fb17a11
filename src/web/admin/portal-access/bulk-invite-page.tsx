import { Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BulkInviteReport } from "../../../shared/contracts/index.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { useCustomers } from "../customers/customers-api.js";
import { PageHeader } from "../layout/page-header.js";
import { useBulkInvite } from "./portal-access-api.js";

/** D2: pick customers, invite every contact who can be invited, and show who was not and why. */
export function BulkInvitePage() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 250);
  const customers = useCustomers(debounced);
  const bulk = useBulkInvite();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const shown = customers.data ?? [];
  const allShown = shown.length > 0 && shown.every((c) => selected.has(c.id));

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleShown = () =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const c of shown) {
        if (allShown) next.delete(c.id);
        else next.add(c.id);
      }
      return next;
    });

  return (
    <Stack maw={900}>
      <PageHeader title={t("portalAccess.bulk.title")} />
      <Text c="dimmed">{t("portalAccess.bulk.intro")}</Text>
      <TextInput
        label={t("portalAccess.bulk.search")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        type="search"
      />
      {customers.isPending ? <PageLoader /> : null}
      {customers.isError ? (
        <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />
      ) : null}
      {customers.isSuccess && shown.length === 0 ? (
        <Text c="dimmed">{t("portalAccess.bulk.noCustomers")}</Text>
      ) : null}
      {shown.length > 0 ? (
        <Card withBorder p={0}>
          <Stack gap={0}>
            <Checkbox
              p="sm"
              label={t("portalAccess.bulk.selectAll")}
              checked={allShown}
              indeterminate={!allShown && shown.some((c) => selected.has(c.id))}
              onChange={toggleShown}
              style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
            />
            {shown.map((c) => (
              <Checkbox
                key={c.id}
                p="sm"
                checked={selected.has(c.id)}
                onChange={() => toggle(c.id)}
                aria-label={t("portalAccess.bulk.selectCustomer", { name: c.name })}
                label={
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={500}>
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t("portalAccess.bulk.contacts", { count: c.contactCount })}
                    </Text>
                  </Group>
                }
              />
            ))}
          </Stack>
        </Card>
      ) : null}
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" aria-live="polite">
          {t("portalAccess.bulk.selected", { count: selected.size })}
        </Text>
        <Button
          disabled={selected.size === 0 || selected.size > 500}
          loading={bulk.isPending}
          onClick={() => bulk.mutate([...selected])}
        >
          {t("portalAccess.bulk.run")}
        </Button>
      </Group>
      <ErrorAlert error={bulk.error} />
      {bulk.data ? <BulkReport report={bulk.data} /> : null}
    </Stack>
  );
}

function BulkReport({ report }: { report: BulkInviteReport }) {
  const { t } = useTranslation();
  const rows = [
    ...report.invited.map((i) => ({
      key: `i-${i.contactId}`,
      customer: i.customerName,
      contact: i.contactName,
      result: t("portalAccess.bulk.invited", { email: i.email }),
      ok: true,
    })),
    ...report.skipped.map((s) => ({
      key: `s-${s.customerId}-${s.contactId ?? "none"}`,
      customer: s.customerName,
      contact: s.contactName ?? "—",
      result: t(`portalAccess.bulk.reason.${s.reason}`),
      ok: false,
    })),
  ];
  return (
    <Card withBorder component="section" aria-labelledby="bulk-report-title">
      <Stack>
        <Title order={2} size="h4" id="bulk-report-title">
          {t("portalAccess.bulk.report")}
        </Title>
        <Text size="sm" role="status">
          {t("portalAccess.bulk.invitedCount", { count: report.invited.length })} ·{" "}
          {t("portalAccess.bulk.skippedCount", { count: report.skipped.length })}
        </Text>
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("portalAccess.bulk.customer")}</Table.Th>
                <Table.Th>{t("portalAccess.bulk.contact")}</Table.Th>
                <Table.Th>{t("portalAccess.bulk.result")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.customer}</Table.Td>
                  <Table.Td>{r.contact}</Table.Td>
                  <Table.Td c={r.ok ? "green.8" : "orange.9"}>{r.result}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
