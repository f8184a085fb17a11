import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { QuoteDetail, Tax } from "../../../shared/contracts/index.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { useSaveDraft, WithDraft, WithTaxes } from "../documents/draft-pages.js";
import { useMe } from "../session.js";
import { QuoteEditor } from "./quote-editor.js";
import { emptyQuoteValues, quoteToValues } from "./quote-form-model.js";
import { useCreateQuote, useQuote, useUpdateQuote } from "./quotes-api.js";

export function NewQuotePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const create = useCreateQuote();
  const save = useSaveDraft(create, t("quotes.editor.saved"), "/quotes");
  return (
    <WithTaxes>
      {(taxes) => (
        <QuoteEditor
          title={t("quotes.editor.newTitle")}
          initialValues={emptyQuoteValues(
            me.data?.org.baseCurrency ?? "EUR",
            taxes,
            params.get("customerId"),
          )}
          taxes={taxes}
          applyCustomerDefaults
          save={save}
          isSaving={create.isPending}
          error={create.error}
          onCancel={() => navigate("/quotes")}
        />
      )}
    </WithTaxes>
  );
}

export function EditQuotePage() {
  const { id = "" } = useParams();
  const quote = useQuote(id);
  return <WithDraft draft={quote}>{(data, taxes) => <EditQuoteForm quote={data} taxes={taxes} />}</WithDraft>;
}

function EditQuoteForm({ quote, taxes }: { quote: QuoteDetail; taxes: Tax[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateQuote(quote.id);
  const save = useSaveDraft(update, t("quotes.editor.saved"), "/quotes");
  if (quote.status !== "draft") return <Alert color="yellow">{t("quotes.editor.notDraft")}</Alert>;
  return (
    <QuoteEditor
      title={t("quotes.editor.editTitle")}
      initialValues={quoteToValues(quote, decimalMarkOf(i18n.language))}
      taxes={taxes}
      save={save}
      isSaving={update.isPending}
      error={update.error}
      onCancel={() => navigate(`/quotes/${quote.id}`)}
    />
  );
}
