import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { InvoiceKind } from "../../../shared/contracts/index.js";

const COLORS: Record<InvoiceKind, string> = { invoice: "gray", retainer: "grape", credit_note: "orange" };

/** Which of the three kinds a document of the invoices list is (A5, A8, A9). */
export function KindBadge({ kind }: { kind: InvoiceKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[kind]} variant={kind === "invoice" ? "outline" : "light"}>
      {t(`moneyAdmin.kinds.${kind}`)}
    </Badge>
  );
}
