import type { TFunction } from "i18next";
import type { InvoiceKind } from "../../../shared/contracts/index.js";

/** Local so that the web bundle does not pull the zod schemas in. */
export const INVOICE_KINDS = ["invoice", "retainer", "credit_note"] as const satisfies readonly InvoiceKind[];

export function isInvoiceKind(value: string | null): value is InvoiceKind {
  return (INVOICE_KINDS as readonly string[]).includes(value ?? "");
}

/** "Invoice F2026-0001", "Draft credit note", "Retainer invoice A2026-0002"… */
export function documentTitle(t: TFunction, doc: { kind: InvoiceKind; number: string | null }): string {
  if (doc.kind === "invoice")
    return doc.number ? t("admin.detail.title", { number: doc.number }) : t("admin.detail.draftTitle");
  return doc.number
    ? t(`moneyAdmin.titles.${doc.kind}`, { number: doc.number })
    : t(`moneyAdmin.draftTitles.${doc.kind}`);
}
