import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

export type PaymentOutcome = "succeeded" | "cancelled" | "failed";

export function usePaymentOutcome(): PaymentOutcome | null {
  const [params] = useSearchParams();
  const value = params.get("payment");
  return value === "succeeded" || value === "cancelled" || value === "failed" ? value : null;
}

const COLORS: Record<PaymentOutcome, string> = { succeeded: "green", cancelled: "yellow", failed: "red" };

/** What the gateway's return address says about the checkout the contact just left. */
export function PaymentBanner() {
  const { t } = useTranslation();
  const outcome = usePaymentOutcome();
  const [, setParams] = useSearchParams();
  if (!outcome) return null;
  return (
    <Alert
      color={COLORS[outcome]}
      variant="filled"
      role={outcome === "succeeded" ? "status" : "alert"}
      title={t(`portal.payment.${outcome}Title`)}
      withCloseButton
      closeButtonLabel={t("common.close")}
      onClose={() => setParams({}, { replace: true })}
      data-print="hide"
    >
      {t(`portal.payment.${outcome}Body`)}
    </Alert>
  );
}
