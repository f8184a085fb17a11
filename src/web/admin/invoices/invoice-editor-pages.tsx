import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { InvoiceDetail, Tax } from "../../../shared/contracts/index.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { useSaveDraft, WithDraft } from "../documents/draft-pages.js";
import { linesToValues } from "../documents/lines-form-model.js";
import { useMe } from "../session.js";
import { useTaxes } from "../settings/taxes-api.js";
import { InvoiceEditor } from "./invoice-editor.js";
import { emptyInvoiceValues, invoiceToValues } from "./invoice-form-model.js";
import { isInvoiceKind } from "./invoice-kinds.js";
import { useCreateInvoice, useInvoice, useUpdateInvoice } from "./invoices-api.js";
import { editableLinesOf, emptyRectification, rectificationToValues } from "./rectification-form-model.js";

export function NewInvoicePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const taxes = useTaxes();
  const create = useCreateInvoice();
  const save = useSaveDraft(create, t("admin.editor.saved"), "/invoices");
  const kindParam = params.get("kind");
  const kind = isInvoiceKind(kindParam) ? kindParam : "invoice";
  const correctsId = kind === "credit_note" ? params.get("corrects") : null;
  // A credit note for an invoice starts from that invoice's lines: staff remove or lower what is not credited.
  const corrected = useInvoice(correctsId ?? "", { enabled: Boolean(correctsId) });

  if (taxes.isPending || (correctsId && corrected.isPending)) return <PageLoader />;
  if (taxes.isError) return <ErrorState error={taxes.error} onRetry={() => void taxes.refetch()} />;
  const base = emptyInvoiceValues(me.data?.org.baseCurrency ?? "EUR", taxes.data, params.get("customerId"));
  const fromCorrected = corrected.data
    ? {
        ...base,
        customerId: corrected.data.customerId,
        currency: corrected.data.currency,
        lines: linesToValues(corrected.data.lines, corrected.data.currency, decimalMarkOf(i18n.language)),
      }
    : base;

  return (
    <InvoiceEditor
      key={kind}
      kind={kind}
      title={kind === "invoice" ? t("admin.editor.newTitle") : t(`moneyAdmin.newTitles.${kind}`)}
      initialValues={{
        ...fromCorrected,
        correctsInvoiceId: correctsId,
        rectification: kind === "credit_note" ? emptyRectification(correctsId) : null,
      }}
      taxes={taxes.data}
      applyCustomerDefaults
      save={save}
      isSaving={create.isPending}
      error={create.error}
      onCancel={() => navigate("/invoices")}
    />
  );
}

export function EditInvoicePage() {
  const { id = "" } = useParams();
  const invoice = useInvoice(id);
  return (
    <WithDraft draft={invoice}>{(data, taxes) => <EditInvoiceForm invoice={data} taxes={taxes} />}</WithDraft>
  );
}

function EditInvoiceForm({ invoice, taxes }: { invoice: InvoiceDetail; taxes: Tax[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateInvoice(invoice.id);
  const save = useSaveDraft(update, t("admin.editor.saved"), "/invoices");
  if (invoice.status !== "draft") return <Alert color="yellow">{t("admin.editor.notDraft")}</Alert>;

  return (
    <InvoiceEditor
      kind={invoice.kind}
      title={t("admin.editor.editTitle")}
      initialValues={{
        // A substitution's form edits its corrected lines, not the copies of the rectified invoice's.
        ...invoiceToValues({ ...invoice, lines: editableLinesOf(invoice) }, decimalMarkOf(i18n.language)),
        correctsInvoiceId: invoice.correctsInvoiceId,
        rectification: invoice.kind === "credit_note" ? rectificationToValues(invoice) : null,
      }}
      taxes={taxes}
      save={save}
      isSaving={update.isPending}
      error={update.error}
      onCancel={() => navigate(`/invoices/${invoice.id}`)}
    />
  );
}
