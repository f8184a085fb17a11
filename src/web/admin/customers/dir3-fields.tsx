import { Fieldset, SimpleGrid, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { CustomerFormValues } from "./customer-form-model.js";

const FIELDS = ["dir3AccountingOffice", "dir3ManagingBody", "dir3ProcessingUnit"] as const;

/** The DIR3 codes of a public administration customer, emitted in its Facturae files (issue 17 §3). */
export function Dir3Fields({ form }: { form: UseFormReturnType<CustomerFormValues> }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t("signingCertificate.dir3Title")}>
      <Text size="xs" c="dimmed" mb="xs">
        {t("signingCertificate.dir3Hint")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {FIELDS.map((field) => (
          <TextInput
            key={field}
            label={t(`signingCertificate.${field}`)}
            maxLength={10}
            autoCapitalize="characters"
            {...form.getInputProps(field)}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
