import {
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GatewayCredentialsStatus } from "../../../shared/contracts/gateways.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import {
  useForgetGatewayCredentials,
  usePaymentGateways,
  useSaveGatewayCredentials,
  useSetEnabledGateways,
  useTestGateway,
} from "./gateways-api.js";

/** The events each provider must send to the notification URL (names as the providers spell them). */
const EVENTS: Record<string, string[]> = {
  stripe: [
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
    "checkout.session.async_payment_failed",
    "payment_intent.processing",
    "payment_intent.succeeded",
    "payment_intent.payment_failed",
    "charge.refunded",
    "refund.failed",
    "charge.dispute.created",
  ],
  paypal: [
    "PAYMENT.CAPTURE.COMPLETED",
    "PAYMENT.CAPTURE.PENDING",
    "PAYMENT.CAPTURE.DENIED",
    "PAYMENT.CAPTURE.REFUNDED",
    "CUSTOMER.DISPUTE.CREATED",
  ],
};

/** Settings → Payments (issue 13): per provider its keys (secrets never shown again), a test, on/off, webhook. */
export function GatewaysPanel() {
  const { t } = useTranslation();
  const gateways = usePaymentGateways();
  if (gateways.isPending) return <PageLoader />;
  if (gateways.isError) return <ErrorState error={gateways.error} onRetry={() => void gateways.refetch()} />;
  return (
    <Stack>
      <Text>{t("gateways.intro")}</Text>
      {gateways.data.credentials.map((g) => (
        <GatewayCard key={g.gateway} gateway={g} enabled={gateways.data.enabled} />
      ))}
    </Stack>
  );
}

function GatewayCard({ gateway: g, enabled }: { gateway: GatewayCredentialsStatus; enabled: string[] }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const save = useSaveGatewayCredentials();
  const forget = useForgetGatewayCredentials();
  const test = useTestGateway();
  const toggle = useSetEnabledGateways();
  const isOn = enabled.includes(g.gateway);
  const titleId = `gateway-${g.gateway}`;

  const submit = () => {
    // A field left empty keeps its stored value (the server merges what is sent onto what it holds).
    const body = Object.fromEntries(
      g.fields.flatMap((f): [string, string | boolean][] => {
        const v = values[f.name] ?? "";
        if (f.kind === "boolean") return [[f.name, v === "true"]];
        return v === "" ? [] : [[f.name, v]];
      }),
    );
    save.mutate(
      { gateway: g.gateway, body },
      {
        onSuccess: () => {
          setValues({});
          notifyDone(t("gateways.saved"));
        },
      },
    );
  };

  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={titleId}>
            {t(`gateways.names.${g.gateway}`, { defaultValue: g.gateway })}
          </Title>
          <Text size="sm" fw={600} c={g.configured ? "teal.8" : "dimmed"}>
            {g.configured ? t("gateways.configured") : t("gateways.notConfigured")}
          </Text>
        </Group>
        {g.needsCredentials ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack gap="xs">
              {g.fields.map((f) => {
                const stored = g.masked[f.name];
                const description = stored ? t("gateways.stored", { value: stored }) : undefined;
                const common = {
                  label: f.name,
                  description,
                  value: values[f.name] ?? "",
                  required: f.required && !g.configured,
                  autoComplete: "off",
                };
                const set = (v: string) => setValues((old) => ({ ...old, [f.name]: v }));
                if (f.kind === "secret")
                  return (
                    <PasswordInput
                      key={f.name}
                      {...common}
                      placeholder={stored ? t("gateways.keepSecret") : undefined}
                      onChange={(e) => set(e.currentTarget.value)}
                    />
                  );
                if (f.kind === "choice" || f.kind === "boolean")
                  return (
                    <Select
                      key={f.name}
                      {...common}
                      data={f.kind === "boolean" ? ["true", "false"] : f.options}
                      onChange={(v) => set(v ?? "")}
                    />
                  );
                return <TextInput key={f.name} {...common} onChange={(e) => set(e.currentTarget.value)} />;
              })}
              <ErrorAlert error={save.error ?? forget.error ?? test.error} />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t("gateways.save")}
                </Button>
                {g.configured ? (
                  <>
                    <Button
                      variant="light"
                      loading={test.isPending}
                      onClick={() =>
                        test.mutate(g.gateway, { onSuccess: () => notifyDone(t("gateways.testOk")) })
                      }
                    >
                      {t("gateways.test")}
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      loading={forget.isPending}
                      onClick={() =>
                        forget.mutate(g.gateway, { onSuccess: () => notifyDone(t("gateways.removed")) })
                      }
                    >
                      {t("gateways.remove")}
                    </Button>
                  </>
                ) : null}
              </Group>
            </Stack>
          </form>
        ) : (
          <Text c="dimmed">{t("gateways.noCredentials")}</Text>
        )}
        <Switch
          label={t("gateways.enabled")}
          description={t("gateways.enabledHint")}
          checked={isOn}
          disabled={!g.configured || toggle.isPending}
          onChange={(e) =>
            toggle.mutate(
              e.currentTarget.checked ? [...enabled, g.gateway] : enabled.filter((x) => x !== g.gateway),
            )
          }
        />
        <ErrorAlert error={toggle.error} />
        {g.gateway !== "sandbox" ? (
          <Stack gap={4}>
            <Text fw={500}>{t("gateways.webhook")}</Text>
            <Text size="sm" c="dimmed">
              {t("gateways.webhookHint")}
            </Text>
            <Group wrap="nowrap" align="center">
              <Code style={{ wordBreak: "break-all" }}>{g.notifyUrl}</Code>
              <CopyButton value={g.notifyUrl}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" color={copied ? "teal" : undefined} onClick={copy}>
                    {copied ? t("gateways.copied") : t("gateways.copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
            {EVENTS[g.gateway] ? (
              <>
                <Text fw={500} mt="xs">
                  {t("gateways.events")}
                </Text>
                <Code block>{EVENTS[g.gateway]?.join("\n")}</Code>
              </>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
