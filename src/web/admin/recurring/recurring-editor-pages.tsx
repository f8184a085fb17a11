import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { Tax } from "../../../shared/contracts/index.js";
import type { RecurringProfileDetail } from "../../../shared/contracts/recurring.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { useSaveDraft, WithDraft, WithTaxes } from "../documents/draft-pages.js";
import { useMe } from "../session.js";
import {
  useCreateRecurringProfile,
  useRecurringProfile,
  useUpdateRecurringProfile,
} from "./recurring-api.js";
import { RecurringEditor } from "./recurring-editor.js";
import { emptyRecurringValues, profileToValues } from "./recurring-form-model.js";

export function NewRecurringPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const create = useCreateRecurringProfile();
  const save = useSaveDraft(create, t("recurring.saved"), "/recurring");
  return (
    <WithTaxes>
      {(taxes) => (
        <RecurringEditor
          title={t("recurring.newTitle")}
          initialValues={emptyRecurringValues(
            me.data?.org.baseCurrency ?? "EUR",
            taxes,
            params.get("customerId"),
          )}
          taxes={taxes}
          applyCustomerDefaults
          save={save}
          isSaving={create.isPending}
          error={create.error}
          onCancel={() => navigate("/recurring")}
        />
      )}
    </WithTaxes>
  );
}

export function EditRecurringPage() {
  const { id = "" } = useParams();
  const profile = useRecurringProfile(id);
  return <WithDraft draft={profile}>{(data, taxes) => <EditForm profile={data} taxes={taxes} />}</WithDraft>;
}

function EditForm({ profile, taxes }: { profile: RecurringProfileDetail; taxes: Tax[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateRecurringProfile(profile.id);
  const save = useSaveDraft(update, t("recurring.saved"), "/recurring");
  if (profile.status === "stopped" || profile.status === "ended")
    return <Alert color="yellow">{t(`recurring.statuses.${profile.status}`)}</Alert>;
  return (
    <RecurringEditor
      title={t("recurring.editTitle")}
      initialValues={profileToValues(profile, taxes, decimalMarkOf(i18n.language))}
      taxes={taxes}
      save={save}
      isSaving={update.isPending}
      error={update.error}
      onCancel={() => navigate(`/recurring/${profile.id}`)}
    />
  );
}
