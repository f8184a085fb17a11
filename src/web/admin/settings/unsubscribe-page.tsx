import { Alert, Anchor, Button, Group, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { UnsubscribeState } from "../../../shared/contracts/index.js";
import { api, isApiError } from "../../ui/api-client.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { PublicCard } from "../account/staff-password-pages.js";

/**
 * The page of a staff notification's unsubscribe link (decision 044): it turns the event off on arrival
 * (by a POST: mail scanners that fetch the link do not run it), says what was turned off, and offers to
 * undo. No session is needed: the signed token in the address is the credential.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const change = useMutation({
    mutationFn: (emailed: boolean) =>
      emailed
        ? api.post("/api/unsubscribe/undo", { query: { token } })
        : api.post("/api/unsubscribe", { query: { token } }),
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    change.mutate(false);
  }, [change]);

  return (
    <PublicCard title={t("portalSettings.notifications.unsubscribe.title")} maw={520}>
      {change.isPending ? (
        <Text aria-live="polite">{t("portalSettings.notifications.unsubscribe.working")}</Text>
      ) : null}
      {change.isError && isApiError(change.error, 404) ? (
        <Alert color="red" role="alert">
          {t("portalSettings.notifications.unsubscribe.invalid")}
        </Alert>
      ) : change.isError ? (
        <ErrorAlert error={change.error} />
      ) : null}
      {change.data ? <Outcome state={change.data} onChange={(emailed) => change.mutate(emailed)} /> : null}
      <Anchor component={Link} to="/settings/notifications" size="sm">
        {t("portalSettings.notifications.unsubscribe.manage")}
      </Anchor>
    </PublicCard>
  );
}

function Outcome({ state, onChange }: { state: UnsubscribeState; onChange: (emailed: boolean) => void }) {
  const { t } = useTranslation();
  const event = t(`portalSettings.notifications.${state.event}`);
  const values = { event, address: state.address, org: state.orgName };
  const message = state.emailed
    ? t("portalSettings.notifications.unsubscribe.on", values)
    : state.recipient === "organisation"
      ? t("portalSettings.notifications.unsubscribe.offOrganisation", values)
      : t("portalSettings.notifications.unsubscribe.off", values);
  return (
    <>
      <Alert color={state.emailed ? "blue" : "green"} role="status" data-testid="unsubscribe-outcome">
        {message}
      </Alert>
      <Group>
        <Button variant="default" onClick={() => onChange(!state.emailed)}>
          {state.emailed
            ? t("portalSettings.notifications.unsubscribe.stopAgain")
            : t("portalSettings.notifications.unsubscribe.undo")}
        </Button>
      </Group>
    </>
  );
}
