import { Alert } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { QuoteDetail, QuoteDraftBody, Tax } from "../../../shared/contracts/index.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { useMe } from "../session.js";
import { useTaxes } from "../settings/taxes-api.js";
import { QuoteEditor } from "./quote-editor.js";
import { emptyQuoteValues, quoteToValues } from "./quote-form-model.js";
import { useCreateQuote, useQuote, useUpdateQuote } from "./quotes-api.js";

type Save = (body: QuoteDraftBody, callbacks: { onError: (error: unknown) => void }) => void;

export function NewQuotePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const taxes = useTaxes();
  const create = useCreateQuote();

  if (taxes.isPending) return <PageLoader />;
  if (taxes.isError) return <ErrorState error={taxes.error} onRetry={() => void taxes.refetch()} />;

  const save: Save = (body, callbacks) =>
    create.mutate(body, {
      onSuccess: (quote) => {
        notifications.show({ color: "green", message: t("quotes.editor.saved") });
        navigate(`/quotes/${quote.id}`);
      },
      onError: callbacks.onError,
    });

  return (
    <QuoteEditor
      title={t("quotes.editor.newTitle")}
      initialValues={emptyQuoteValues(
        me.data?.org.baseCurrency ?? "EUR",
        taxes.data,
        params.get("customerId"),
      )}
      taxes={taxes.data}
      applyCustomerDefaults
      save={save}
      isSaving={create.isPending}
      error={create.error}
      onCancel={() => navigate("/quotes")}
    />
  );
}

export function EditQuotePage() {
  const { id = "" } = useParams();
  const quote = useQuote(id);
  const taxes = useTaxes();
  if (quote.isPending || taxes.isPending) return <PageLoader />;
  if (quote.isError) return <ErrorState error={quote.error} onRetry={() => void quote.refetch()} />;
  if (taxes.isError) return <ErrorState error={taxes.error} onRetry={() => void taxes.refetch()} />;
  return <EditQuoteForm key={quote.data.id} quote={quote.data} taxes={taxes.data} />;
}

function EditQuoteForm({ quote, taxes }: { quote: QuoteDetail; taxes: Tax[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateQuote(quote.id);
  if (quote.status !== "draft") return <Alert color="yellow">{t("quotes.editor.notDraft")}</Alert>;

  const save: Save = (body, callbacks) =>
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("quotes.editor.saved") });
        navigate(`/quotes/${quote.id}`);
      },
      onError: callbacks.onError,
    });

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
