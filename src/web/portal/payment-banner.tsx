import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

export type PaymentOutcome = "succeeded" | "cancelled" | "failed" | "already_paid";

const OUTCOMES: readonly PaymentOutcome[] = ["succeeded", "cancelled", "failed", "already_paid"];

export function usePaymentOutcome(): PaymentOutcome | null {
  const [params] = useSearchParams();
  const value = params.get("payment");
  return OUTCOMES.find((o) => o === value) ?? null;
}

const COLORS: Record<PaymentOutcome, string> = {
  succeeded: "green",
  cancelled: "yellow",
  failed: "red",
  already_paid: "blue",
};

/**
 * What the gateway's return address says about the checkout the contact just left. "already_paid":
 * the invoices were paid in another tab or by staff meanwhile, so the gateway charged nothing.
 */
export function PaymentBanner() {
  const { t } = useTranslation();
  const outcome = usePaymentOutcome();
  const [, setParams] = useSearchParams();
  if (!outcome) return null;
  const [title, body] =
    outcome === "already_paid"
      ? [t("receipts.banner.alreadyPaidTitle"), t("receipts.banner.alreadyPaidBody")]
      : [t(`portal.payment.${outcome}Title`), t(`portal.payment.${outcome}Body`)];
  return (
    <Alert
      color={COLORS[outcome]}
      variant="filled"
      role={outcome === "succeeded" || outcome === "already_paid" ? "status" : "alert"}
      title={title}
      withCloseButton
      closeButtonLabel={t("common.close")}
      onClose={() => setParams({}, { replace: true })}
      data-print="hide"
    >
      {body}
    </Alert>
  );
}
