import { ColorInput, Fieldset, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { OrganisationProfile } from "../../../shared/contracts/index.js";
import { SUPPORTED_CURRENCIES } from "../../../shared/money/index.js";
import { FormActions } from "../../ui/form-actions.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { useUpdateOrganisation } from "./organisation-api.js";
import {
  type OrganisationFormValues,
  organisationFieldPath,
  profileToValues,
  timeZones,
  valuesToProfileBody,
} from "./organisation-model.js";

export function OrganisationForm({ profile }: { profile: OrganisationProfile }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation();
  const form = useForm<OrganisationFormValues>({
    initialValues: profileToValues(profile),
    validate: {
      name: (v) => (v.trim() ? null : t("errors.required")),
      country: (v) => (/^[A-Za-z]{2}$/.test(v.trim()) ? null : t("errors.invalidCountry")),
    },
  });
  const input = (field: keyof OrganisationFormValues) => ({
    label: t(`admin.settings.${field}`),
    ...form.getInputProps(field),
  });

  const submit = form.onSubmit((values) =>
    update.mutate(valuesToProfileBody(values), {
      onSuccess: (saved) => {
        form.resetDirty(profileToValues(saved));
        notifications.show({ color: "green", message: t("common.saved") });
      },
      onError: (error) => applyProblemToForm(form, error, organisationFieldPath),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Fieldset legend={t("admin.settings.sectionIdentity")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput required {...input("name")} />
            <TextInput {...input("legalName")} />
            <TextInput {...input("taxId")} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("admin.settings.sectionAddress")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...input("addressLine1")} />
            <TextInput {...input("addressLine2")} />
            <TextInput {...input("city")} />
            <TextInput {...input("postalCode")} />
            <TextInput {...input("region")} />
            <TextInput required maxLength={2} {...input("country")} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("admin.settings.sectionContact")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="tel" {...input("phone")} />
            <TextInput type="tel" {...input("mobile")} />
            <TextInput type="email" {...input("email")} />
            <TextInput type="url" placeholder="https://" {...input("website")} />
          </SimpleGrid>
          <Textarea
            mt="sm"
            autosize
            minRows={2}
            description={t("admin.settings.socialLinksHint")}
            {...input("socialLinks")}
          />
        </Fieldset>
        <Fieldset legend={t("admin.settings.sectionBranding")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ColorInput format="hex" withEyeDropper={false} {...input("brandColor")} />
            <Select
              data={[...SUPPORTED_CURRENCIES]}
              searchable
              allowDeselect={false}
              {...input("baseCurrency")}
            />
            <Select
              data={[
                { value: "es", label: t("languages.es") },
                { value: "en", label: t("languages.en") },
              ]}
              allowDeselect={false}
              {...input("language")}
            />
            <Select
              data={timeZones(profile.timeZone)}
              searchable
              allowDeselect={false}
              {...input("timeZone")}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("admin.settings.sectionBank")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput autoComplete="off" {...input("iban")} />
            <TextInput autoComplete="off" {...input("bic")} />
          </SimpleGrid>
        </Fieldset>
        <FormActions error={update.error} pending={update.isPending} />
      </Stack>
    </form>
  );
}
