import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  EmptyState,
  Group,
  Stack,
  Switch,
  Text,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { VerifactuRecordSummary, VerifactuVerifyResult } from "../../../shared/contracts/verifactu.js";
import { formatMoney, parseMoney } from "../../../shared/money/index.js";
import { ApiError } from "../../ui/api-client.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { fieldErrorText } from "../../ui/field-error-text.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { RecordXmlLink } from "./record-xml-link.js";
import {
  useSetVerifactuEnabled,
  useVerifactuRecords,
  useVerifactuSettings,
  useVerifyVerifactuChain,
} from "./verifactu-api.js";

/**
 * Settings › VERI*FACTU (issue 17 §1, decision 049): the mode's switch, the organisation's billing records
 * (newest first) and "Verify chain". Nothing is sent to AEAT yet; the texts say so.
 */
export function VerifactuPanel() {
  const { t } = useTranslation();
  const settings = useVerifactuSettings();
  const toggle = useSetVerifactuEnabled();
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  // The profile's fields that keep the mode off, each named ("NIF: required").
  const problems =
    toggle.error instanceof ApiError
      ? toggle.error.fieldErrors.map(
          (f) =>
            `${f.field === "country" ? t("verifactu.fields.country") : t("verifactu.fields.taxId")}: ${fieldErrorText(f, toggle.error as ApiError)}`,
        )
      : [];
  return (
    <Stack maw={960}>
      <Text size="sm">{t("verifactu.intro")}</Text>
      <Alert color="blue" title={t("verifactu.notSentTitle")}>
        {t("verifactu.notSent")}
      </Alert>
      <Switch
        label={t("verifactu.switch")}
        description={
          s.ready
            ? t("verifactu.issuer", { taxId: s.taxId ?? "", country: s.country })
            : t("verifactu.notReady", { taxId: s.taxId || "—", country: s.country })
        }
        checked={s.enabled}
        disabled={toggle.isPending}
        onChange={(e) => toggle.mutate(e.currentTarget.checked)}
      />
      {problems.length > 0 ? (
        <Alert color="red" role="alert" title={t("verifactu.cannotTurnOn")}>
          <Stack gap={4}>
            {problems.map((p) => (
              <Text key={p} size="sm">
                {p}
              </Text>
            ))}
            <Text size="sm">{t("verifactu.editProfile")}</Text>
          </Stack>
        </Alert>
      ) : toggle.isError ? (
        <ErrorAlert error={toggle.error} />
      ) : null}
      <Records />
    </Stack>
  );
}

function Records() {
  const { t, i18n } = useTranslation();
  const records = useVerifactuRecords();
  const verify = useVerifyVerifactuChain();
  const locale = i18n.language === "es" ? "es-ES" : "en-GB";
  const amount = (value: string | null) => {
    if (value === null) return "—";
    const minor = parseMoney(value, "EUR");
    return minor === null ? value : formatMoney(minor, "EUR", locale);
  };
  const columns = [
    column<VerifactuRecordSummary>("sequence", t("verifactu.sequence"), (r) => r.sequence),
    column<VerifactuRecordSummary>("kind", t("verifactu.kind"), (r) => (
      <Badge color={r.kind === "alta" ? "green" : "red"} variant="light">
        {t(`verifactu.kinds.${r.kind}`)}
      </Badge>
    )),
    column<VerifactuRecordSummary>(
      "number",
      t("verifactu.number"),
      (r) => (
        <Anchor component={Link} to={`/invoices/${r.invoiceId}`} size="sm">
          {r.numSerieFactura}
        </Anchor>
      ),
      {
        rowHeader: 160,
      },
    ),
    column<VerifactuRecordSummary>("type", t("verifactu.type"), (r) => r.tipoFactura ?? "—"),
    amountColumn<VerifactuRecordSummary>("total", t("verifactu.total"), (r) => amount(r.importeTotal)),
    column<VerifactuRecordSummary>("time", t("verifactu.time"), (r) => (
      <Text size="sm" translate="no">
        {r.fechaHoraHusoGenRegistro.replace("T", " ")}
      </Text>
    )),
    column<VerifactuRecordSummary>("huella", t("verifactu.huella"), (r) => (
      <Code title={r.huella} translate="no">
        {r.huella.slice(0, 12)}…
      </Code>
    )),
    column<VerifactuRecordSummary>("xml", t("verifactuRecordXml.column"), (r) => (
      <RecordXmlLink record={r} />
    )),
  ];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="verifactu-records">
          {t("verifactu.recordsTitle")}
        </Title>
        <Button variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
          {t("verifactu.verify")}
        </Button>
      </Group>
      {verify.isError ? <ErrorAlert error={verify.error} /> : null}
      {verify.data ? <VerifyOutcome result={verify.data} /> : null}
      {records.isPending ? <PageLoader /> : null}
      {records.isError ? <ErrorState error={records.error} onRetry={() => void records.refetch()} /> : null}
      {records.data?.records.length === 0 ? (
        <EmptyState title={t("verifactu.emptyTitle")} description={t("verifactu.emptyDescription")} />
      ) : null}
      {records.data && records.data.records.length > 0 ? (
        <>
          <ColumnTable
            columns={columns}
            rows={records.data.records}
            rowKey={(r) => r.id}
            labelledBy="verifactu-records"
            minWidth={760}
            striped
          />
          {records.data.nextBefore !== null ? (
            <Text size="sm" c="dimmed">
              {t("verifactu.latestOnly")}
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function VerifyOutcome({ result }: { result: VerifactuVerifyResult }) {
  const { t } = useTranslation();
  if (result.ok)
    return (
      <Alert color="green" role="status" title={t("verifactu.verifiedTitle")}>
        {t("verifactu.verified", { count: result.records })}
      </Alert>
    );
  const b = result.firstBreak;
  return (
    <Alert color="red" role="alert" title={t("verifactu.brokenTitle")}>
      <Stack gap={4}>
        <Text size="sm">
          {t("verifactu.broken", { sequence: b?.sequence ?? 0, number: b?.invoiceNumber ?? "" })}
        </Text>
        <Text size="sm">
          {t("verifactu.expected")} <Code translate="no">{b?.expected}</Code>
        </Text>
        <Text size="sm">
          {t("verifactu.stored")} <Code translate="no">{b?.stored}</Code>
        </Text>
      </Stack>
    </Alert>
  );
}
