import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "Payment processing" (issue 13): a bank debit accepted by the provider that has not settled yet. */
export function PaymentProcessingNotice({ processing }: { processing: boolean }) {
  const { t } = useTranslation();
  if (!processing) return null;
  return (
    <Alert color="blue" title={t("gateways.processing")}>
      {t("gateways.processingHint")}
    </Alert>
  );
}
