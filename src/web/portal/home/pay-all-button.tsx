import { Button, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { newIdempotencyKey } from "../pay-button.js";
import { usePayAll } from "./home-api.js";

/**
 * "Pay now" for everything outstanding in one currency (E1, F2). One key per shown button, like the
 * invoice's: a double click or a retry reuses the same checkout; the server re-checks what is owed.
 */
export function PayAllButton({ currency, amountMinor }: { currency: string; amountMinor: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const pay = usePayAll();
  const busy = pay.isPending || pay.isSuccess;
  return (
    <Stack gap="xs">
      <Button loading={busy} disabled={busy} onClick={() => pay.mutate({ idempotencyKey, currency })}>
        {t("portalHome.payAll", { amount: f.money(amountMinor, currency) })}
      </Button>
      <ErrorAlert error={pay.error} />
    </Stack>
  );
}
