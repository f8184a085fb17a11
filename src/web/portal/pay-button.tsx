import { Button, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../ui/page-states.js";
import { usePay } from "./portal-api.js";

/** A fresh key per intent to pay; shared by every "Pay now" button. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; plain http on a LAN address still has getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** One key per shown button: a double click or a retry after a network error reuses the same checkout. */
export function PayButton({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const pay = usePay(invoiceId);
  const busy = pay.isPending || pay.isSuccess;
  return (
    <Stack gap="xs">
      <Button size="md" loading={busy} disabled={busy} onClick={() => pay.mutate(idempotencyKey)}>
        {t("portal.detail.payNow")}
      </Button>
      <ErrorAlert error={pay.error} />
    </Stack>
  );
}
