import { Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { slugFromName } from "../../../shared/contracts/index.js";
import { timeZones } from "../settings/organisation-model.js";
import { useSlugCheck } from "./signup-api.js";
import { countryOptions, currencyOptions, type OrganisationValues } from "./signup-model.js";

/** The live answer under the portal address: checked 400 ms after the last keystroke. */
function useSlugHint(slug: string): { hint: string | null; problem: string | null } {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(slug.trim().toLowerCase(), 400);
  const check = useSlugCheck(debounced);
  if (!debounced) return { hint: null, problem: null };
  if (check.isFetching || debounced !== slug.trim().toLowerCase())
    return { hint: t("signup.slugChecking"), problem: null };
  switch (check.data?.reason) {
    case undefined:
      return { hint: null, problem: null };
    case null:
      return { hint: t("signup.slugAvailable"), problem: null };
    case "invalid":
      return { hint: null, problem: t("signup.slugInvalid") };
    case "reserved":
      return { hint: null, problem: t("signup.slugReserved") };
    case "taken":
      return { hint: null, problem: t("signup.slugTaken") };
  }
}

/** The organisation's fields of the sign-up page and of "Add an organisation". */
export function OrganisationFields<T extends OrganisationValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t, i18n } = useTranslation();
  const f = form as unknown as UseFormReturnType<OrganisationValues>;
  const values = f.getValues();
  const slugHint = useSlugHint(values.slug);
  const slugInput = f.getInputProps("slug");
  const [slugEdited, setSlugEdited] = useState(false);
  const url = `${window.location.origin}/p/${values.slug.trim().toLowerCase() || "…"}`;
  return (
    <Stack gap="sm">
      <TextInput
        label={t("signup.organisationName")}
        required
        autoComplete="organization"
        {...f.getInputProps("organisationName")}
        onChange={(event) => {
          const name = event.currentTarget.value;
          f.setFieldValue("organisationName", name);
          // The address follows the name until the person edits it.
          if (!slugEdited) f.setFieldValue("slug", slugFromName(name));
        }}
      />
      <TextInput
        label={t("signup.slug")}
        required
        autoComplete="off"
        spellCheck={false}
        description={slugHint.hint ?? t("signup.slugDescription", { url })}
        {...slugInput}
        onChange={(event) => {
          setSlugEdited(true);
          slugInput.onChange(event);
        }}
        error={slugInput.error ?? slugHint.problem}
        aria-live="polite"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("signup.country")}
          data={countryOptions(i18n.language || "en")}
          searchable
          allowDeselect={false}
          required
          {...f.getInputProps("country")}
        />
        <Select
          label={t("signup.currency")}
          data={currencyOptions()}
          searchable
          allowDeselect={false}
          required
          {...f.getInputProps("currency")}
        />
        <Select
          label={t("signup.language")}
          data={[
            { value: "es", label: t("languages.es") },
            { value: "en", label: t("languages.en") },
          ]}
          allowDeselect={false}
          required
          {...f.getInputProps("language")}
        />
        <Select
          label={t("signup.timeZone")}
          data={timeZones(values.timeZone)}
          searchable
          allowDeselect={false}
          required
          {...f.getInputProps("timeZone")}
        />
      </SimpleGrid>
    </Stack>
  );
}
