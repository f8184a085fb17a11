import { Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { GatewayChooser, newIdempotencyKey } from "../pay-button.js";
import { usePayAll } from "./home-api.js";

/**
 * "Pay now" for everything outstanding in one currency (E1, F2). One key per shown button and gateway,
 * like the invoice's: a double click or a retry reuses the same checkout; the server re-checks what is
 * owed. The choice is among the gateways every invoice allows (issue 13); none in common → pay them
 * one by one from the invoices.
 */
export function PayAllButton({
  currency,
  amountMinor,
  gateways,
}: {
  currency: string;
  amountMinor: number;
  gateways: string[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [gateway, setGateway] = useState(gateways[0]);
  const pay = usePayAll();
  const busy = pay.isPending || pay.isSuccess;
  if (gateways.length === 0) return <Text size="sm">{t("portalHome.payAllNoCommon")}</Text>;
  return (
    <Stack gap="xs">
      <GatewayChooser
        gateways={gateways}
        value={gateway}
        onChange={(value) => {
          setGateway(value);
          setIdempotencyKey(newIdempotencyKey());
          pay.reset();
        }}
      />
      <Button
        loading={busy}
        disabled={busy}
        onClick={() => pay.mutate({ idempotencyKey, currency, gateway })}
      >
        {t("portalHome.payAll", { amount: f.money(amountMinor, currency) })}
      </Button>
      <ErrorAlert error={pay.error} />
    </Stack>
  );
}
